import { useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Flex, Result, Button, Spin, Steps, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ImportJob } from '../../../src/modules/imports/import.schema.ts';
import { isApiError } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { canEditRegistry } from '../auth/access.ts';
import { useCurrentUser } from '../auth/useSession.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useImportJob } from '../features/imports/api.ts';
import { JobPanel } from '../features/imports/JobPanel.tsx';
import { RecentImports } from '../features/imports/RecentImports.tsx';
import { UploadStep } from '../features/imports/UploadStep.tsx';
import { useI18n } from '../i18n/index.ts';
import { ForbiddenPage } from './ForbiddenPage.tsx';

/** Which of the three steps a job is at, and whether that step failed. */
function stepOf(job: ImportJob | undefined): { current: number; status: 'process' | 'finish' | 'error' } {
  if (!job) return { current: 0, status: 'process' };
  switch (job.status) {
    case 'validating':
      return { current: 1, status: 'process' };
    case 'validated':
      return (job.counts?.ok ?? 0) > 0 ? { current: 2, status: 'process' } : { current: 1, status: 'error' };
    case 'committing':
      return { current: 2, status: 'process' };
    case 'done':
      return { current: 2, status: 'finish' };
    case 'failed':
      return { current: job.counts ? 2 : 1, status: 'error' };
  }
}

/**
 * 导入台账: download the template, upload, watch the validation, read the report, fix and upload
 * again, then commit. The job id is in the URL, so a reload or a later visit finds it again.
 */
export function ImportPage() {
  const { lang, t } = useI18n();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const rawId = Number(searchParams.get('job'));
  const jobId = Number.isSafeInteger(rawId) && rawId > 0 ? rawId : undefined;
  const job = useImportJob(jobId);
  const status = job.data?.status;

  // A finished step changes the recent list; a finished commit adds people and households.
  useEffect(() => {
    if (!status || status === 'validating' || status === 'committing') return;
    void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    if (status === 'done') {
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void queryClient.invalidateQueries({ queryKey: ['households'] });
    }
  }, [status, queryClient]);

  if (!canEditRegistry(user)) return <ForbiddenPage />;

  const open = (id: number | undefined) => setSearchParams(id === undefined ? {} : { job: String(id) });
  const step = stepOf(job.data);

  const body = () => {
    if (jobId === undefined) return <UploadStep onUploaded={(uploaded) => open(uploaded.id)} />;
    if (isApiError(job.error) && job.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('import.notFound')}
          extra={
            <Button type="primary" onClick={() => open(undefined)}>
              {t('import.again')}
            </Button>
          }
        />
      );
    }
    if (job.isError) return <Alert type="error" showIcon title={errorText(job.error, lang, t('common.unknownError'))} />;
    if (!job.data) {
      return (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      );
    }
    return <JobPanel job={job.data} onRestart={() => open(undefined)} />;
  };

  return (
    <div data-testid="import-page">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ key: 'search', title: <Link to="/registry">{t('registry.title')}</Link> }, { key: 'import', title: t('import.title') }]}
      />
      <PageHeading title={t('import.title')}>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('import.intro')}
        </Typography.Paragraph>
      </PageHeading>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          responsive={false}
          titlePlacement="vertical"
          current={step.current}
          status={step.status}
          style={{ marginBottom: 24 }}
          items={[{ title: t('import.step.upload') }, { title: t('import.step.validate') }, { title: t('import.step.commit') }]}
        />
        {body()}
      </Card>

      <Card size="small" title={t('import.recent')}>
        <RecentImports currentId={jobId} />
      </Card>
    </div>
  );
}
