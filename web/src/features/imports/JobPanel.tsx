import { CloudUploadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Result, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { ImportJob } from '../../../../src/modules/imports/import.schema.ts';
import { useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { useCommitImport, useDownloadReport } from './api.ts';
import { ImportCounts } from './ImportCounts.tsx';
import { JobProgress } from './JobProgress.tsx';

/**
 * Steps 2 and 3 for one uploaded file: validation progress, the counts with the report and what
 * to do about errors, then commit and its result.
 */
export function JobPanel({ job, onRestart }: { job: ImportJob; onRestart: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const showError = useShowError();
  const commit = useCommitImport();
  const report = useDownloadReport();
  const counts = job.counts;

  const reportButton = (
    <Button icon={<FileExcelOutlined />} loading={report.isPending} onClick={() => report.mutate(job, { onError: showError })}>
      {t('import.downloadReport')}
    </Button>
  );
  const restartButton = (
    <Button icon={<UploadOutlined />} onClick={onRestart}>
      {t('import.reupload')}
    </Button>
  );

  const fileLine = (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
      <FileExcelOutlined /> {t('import.file', { name: job.fileName })}
    </Typography.Paragraph>
  );

  if (job.status === 'failed') {
    return (
      <div data-testid="import-job">
        {fileLine}
        <Alert type="error" showIcon title={t('import.failed')} description={job.error ?? undefined} style={{ marginBottom: 16 }} />
        {counts && <ImportCounts counts={counts} />}
        <Flex wrap gap={8} style={{ marginTop: 16 }}>
          {counts && reportButton}
          {restartButton}
        </Flex>
      </div>
    );
  }

  if (job.status === 'validating') {
    return (
      <div data-testid="import-job">
        {fileLine}
        <JobProgress job={job} label={t('import.validating')} />
      </div>
    );
  }

  if (job.status === 'done') {
    const added = job.committed ?? { households: 0, persons: 0 };
    return (
      <div data-testid="import-job">
        <Result
          status="success"
          title={t('import.done')}
          subTitle={
            <span data-testid="import-result">
              {t('import.doneText', { households: added.households, persons: added.persons })}
            </span>
          }
          extra={
            <Flex wrap justify="center" gap={8}>
              <Button type="primary" onClick={() => void navigate('/registry')}>
                {t('import.backToSearch')}
              </Button>
              <Button icon={<CloudUploadOutlined />} onClick={onRestart}>
                {t('import.again')}
              </Button>
              {reportButton}
            </Flex>
          }
        >
          {counts && <ImportCounts counts={counts} />}
        </Result>
      </div>
    );
  }

  // validated or committing: the counts stay in view.
  const ok = counts?.ok ?? 0;
  const problems = (counts?.error ?? 0) > 0;
  return (
    <div data-testid="import-job">
      {fileLine}
      {counts && <ImportCounts counts={counts} />}
      {job.status === 'committing' ? (
        <div style={{ marginTop: 16 }}>
          <JobProgress job={job} label={t('import.committing')} />
        </div>
      ) : (
        <>
          <Space orientation="vertical" size={8} style={{ display: 'flex', marginBlock: 16 }}>
            {problems && <Alert type="warning" showIcon title={t('import.guideErrors', { n: counts?.error ?? 0 })} />}
            {(counts?.duplicate ?? 0) > 0 && <Alert type="info" showIcon title={t('import.guideDuplicates', { n: counts?.duplicate ?? 0 })} />}
            {ok > 0 ? (
              <Alert
                type="success"
                showIcon
                title={t('import.guideOk', { n: ok })}
                description={`${problems ? `${t('import.guidePartial', { n: ok })} ` : ''}${t('import.commitConfirmHint')}`}
              />
            ) : (
              <Alert type="error" showIcon title={t('import.guideNone')} />
            )}
          </Space>
          <Flex wrap gap={8}>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={ok === 0}
              loading={commit.isPending}
              onClick={() => commit.mutate(job.id, { onError: showError })}
            >
              {t('import.commit')}
            </Button>
            {reportButton}
            {restartButton}
          </Flex>
        </>
      )}
    </div>
  );
}
