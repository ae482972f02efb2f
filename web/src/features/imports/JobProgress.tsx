import { Flex, Progress, Spin, Typography } from 'antd';
import type { ImportJob } from '../../../../src/modules/imports/import.schema.ts';
import { useI18n } from '../../i18n/index.ts';

/** While the server validates or commits: a progress bar fed by the job's done/total. */
export function JobProgress({ job, label }: { job: ImportJob; label: string }) {
  const { t } = useI18n();
  const progress = job.progress;
  const percent = progress && progress.total > 0 ? Math.min(100, Math.floor((progress.done * 100) / progress.total)) : 0;
  return (
    <div data-testid="import-progress" style={{ maxWidth: 560 }}>
      <Flex align="center" gap={8}>
        <Spin size="small" />
        <Typography.Text strong>{label}</Typography.Text>
      </Flex>
      <Progress percent={percent} status="active" />
      {progress && (
        <Typography.Text type="secondary">{t('import.progress', { done: progress.done, total: progress.total })}</Typography.Text>
      )}
    </div>
  );
}
