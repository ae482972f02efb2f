import { Table, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import type { Person } from '../../../../src/modules/persons/persons.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { codeLabel } from './labels.ts';
import { PersonTags } from './PersonTags.tsx';

export interface PersonViewProps {
  items: Person[];
  loading: boolean;
  /** `capped`: more than `total` match (the server counts up to 1000). */
  pagination: { current: number; pageSize: number; total: number; capped?: boolean; onChange: (page: number) => void };
}

export function PersonLink({ person }: { person: Pick<Person, 'id' | 'name'> }) {
  return <Link to={`/registry/persons/${person.id}`}>{person.name}</Link>;
}

export function HouseholdLink({ householdId }: { householdId: number | null }) {
  const { t } = useI18n();
  if (householdId === null) return <Typography.Text type="secondary">{t('registry.noHousehold')}</Typography.Text>;
  return <Link to={`/registry/households/${householdId}`}>{t('registry.viewHousehold')}</Link>;
}

/** Desktop view of search results; the table scrolls sideways rather than squeezing columns. */
export function PersonTable({ items, loading, pagination }: PersonViewProps) {
  const { t } = useI18n();
  const columns: TableProps<Person>['columns'] = [
    { key: 'name', title: t('person.name'), render: (_, p) => <PersonLink person={p} /> },
    {
      key: 'idNumber',
      title: t('person.idNumber'),
      render: (_, p) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{p.idNumberMasked ?? '—'}</span>,
    },
    { key: 'sex', title: t('person.sex'), render: (_, p) => codeLabel('sex', p.sex, t) },
    { key: 'age', title: t('person.age'), align: 'right', render: (_, p) => p.age ?? '' },
    { key: 'jurisdiction', title: t('person.jurisdictionShort'), render: (_, p) => p.jurisdictionName ?? p.jurisdictionCode },
    { key: 'tags', title: t('person.tags'), render: (_, p) => <PersonTags tags={p.tags} /> },
    { key: 'household', title: t('registry.household'), render: (_, p) => <HouseholdLink householdId={p.householdId} /> },
  ];
  return (
    <Table<Person>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('registry.empty') }}
      pagination={{
        current: pagination.current,
        pageSize: pagination.pageSize,
        total: pagination.total,
        onChange: pagination.onChange,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (total) => (pagination.capped ? t('registry.totalCapped', { n: total }) : t('common.total', { n: total })),
      }}
    />
  );
}
