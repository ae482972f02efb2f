import { Table, Typography, type TableProps } from 'antd';
import type { AuditEntry } from '../../../../src/modules/audit/audit.schema.ts';
import { useI18n } from '../../i18n/index.ts';

interface Row {
  field: string;
  before: unknown;
  after: unknown;
}

function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === 'string') return <>{value}</>;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return <>{value.join(', ')}</>;
  if (typeof value === 'object') {
    return (
      <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
        {JSON.stringify(value)}
      </Typography.Text>
    );
  }
  return <>{String(value)}</>;
}

/** What an audited change did, field by field: before → after. */
export function AuditChanges({ changes }: { changes: NonNullable<AuditEntry['changes']> }) {
  const { t } = useI18n();
  const rows: Row[] = Object.entries(changes).map(([field, { before, after }]) => ({ field, before, after }));
  const columns: TableProps<Row>['columns'] = [
    { key: 'field', title: t('audit.field'), render: (_, row) => <Typography.Text code>{row.field}</Typography.Text> },
    { key: 'before', title: t('audit.before'), render: (_, row) => <Value value={row.before} /> },
    { key: 'after', title: t('audit.after'), render: (_, row) => <Value value={row.after} /> },
  ];
  return <Table<Row> rowKey="field" size="small" columns={columns} dataSource={rows} pagination={false} bordered />;
}
