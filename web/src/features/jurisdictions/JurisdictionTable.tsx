import { Table, Tag, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import type { Jurisdiction } from '../../../../src/modules/jurisdictions/jurisdictions.schema.ts';
import { levelLabel, useI18n } from '../../i18n/index.ts';
import { RowActions, type RowActionHandlers } from './RowActions.tsx';

export interface JurisdictionViewProps extends RowActionHandlers {
  items: Jurisdiction[];
  loading: boolean;
  canEdit: boolean;
  pagination: { current: number; pageSize: number; total: number; onChange: (page: number) => void };
}

/** Grids are leaves: everything else can be opened to see (or add) its children. */
export function NameLink({ row }: { row: Jurisdiction }) {
  return row.level === 'grid' ? <>{row.name}</> : <Link to={`/jurisdictions/${row.code}`}>{row.name}</Link>;
}

/** Desktop view: a table that scrolls sideways rather than squeezing columns. */
export function JurisdictionTable({ items, loading, canEdit, pagination, onRename, onDelete }: JurisdictionViewProps) {
  const { lang, t } = useI18n();
  const columns: TableProps<Jurisdiction>['columns'] = [
    { key: 'name', title: t('jur.name'), render: (_, row) => <NameLink row={row} /> },
    { key: 'level', title: t('jur.level'), render: (_, row) => <Tag>{levelLabel(row.level, lang)}</Tag> },
    { key: 'code', title: t('jur.code'), render: (_, row) => <Typography.Text code>{row.code}</Typography.Text> },
    { key: 'divisionCode', title: t('jur.divisionCode'), dataIndex: 'divisionCode' },
    { key: 'childCount', title: t('jur.childCount'), dataIndex: 'childCount', align: 'right' },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, row) => <RowActions row={row} onRename={onRename} onDelete={onDelete} />,
    });
  }
  return (
    <Table<Jurisdiction>
      rowKey="code"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('jur.empty') }}
      pagination={{
        ...pagination,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (total) => t('common.total', { n: total }),
      }}
    />
  );
}
