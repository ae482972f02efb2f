import { Alert, Empty, Grid, Table, Tag, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import type { ImportJob } from '../../../../src/modules/imports/import.schema.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n, type Translate } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { useImportList } from './api.ts';

const STATUS_COLOR: Record<ImportJob['status'], string> = {
  validating: 'processing',
  validated: 'blue',
  committing: 'processing',
  done: 'success',
  failed: 'error',
};

export function StatusTag({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[job.status]} style={{ marginInlineEnd: 0 }}>
      {t(`import.status.${job.status}`)}
    </Tag>
  );
}

function resultText(job: ImportJob, t: Translate): string {
  if (job.committed) return t('import.committedShort', job.committed);
  if (job.counts) return t('import.countsShort', job.counts);
  return job.error ?? '';
}

const jobLink = (job: ImportJob) => `/registry/import?job=${job.id}`;

/** 最近导入: earlier uploads, so a report can be fetched again or a validated file committed. */
export function RecentImports({ currentId }: { currentId?: number }) {
  const { lang, t } = useI18n();
  const phone = Grid.useBreakpoint().sm !== true;
  const list = useImportList();
  const items = list.data?.items ?? [];

  if (list.isError) return <Alert type="error" showIcon title={errorText(list.error, lang, t('common.unknownError'))} />;
  if (phone) {
    if (!list.isPending && items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('import.recentEmpty')} />;
    return (
      <ul className="lm-list" data-testid="import-list">
        {items.map((job) => (
          <li key={job.id} className="lm-list-item">
            <div>
              <StatusTag job={job} />{' '}
              {job.id === currentId ? <Typography.Text strong>{job.fileName}</Typography.Text> : <Link to={jobLink(job)}>{job.fileName}</Link>}
            </div>
            <Typography.Text>{resultText(job, t)}</Typography.Text>
            <Typography.Text type="secondary">
              {formatDateTime(job.createdAt)} · {job.createdBy}
            </Typography.Text>
          </li>
        ))}
      </ul>
    );
  }
  const columns: TableProps<ImportJob>['columns'] = [
    {
      key: 'file',
      title: t('import.fileName'),
      render: (_, job) => (job.id === currentId ? <Typography.Text strong>{job.fileName}</Typography.Text> : <Link to={jobLink(job)}>{job.fileName}</Link>),
    },
    { key: 'status', title: t('import.status'), render: (_, job) => <StatusTag job={job} /> },
    { key: 'result', title: t('import.result'), render: (_, job) => resultText(job, t) },
    { key: 'createdAt', title: t('import.createdAt'), render: (_, job) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(job.createdAt)}</span> },
    { key: 'createdBy', title: t('import.createdBy'), dataIndex: 'createdBy' },
  ];
  return (
    <Table<ImportJob>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={list.isPending}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('import.recentEmpty') }}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="import-list"
    />
  );
}
