import { Table, type TableProps } from 'antd';
import type { Household } from '../../../../src/modules/households/households.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatArea, formatFen } from '../../lib/money.ts';
import { codeLabel } from '../persons/labels.ts';
import { DeleteItemButton } from './DeleteItemButton.tsx';

type Income = Household['incomes'][number];
type Asset = Household['assets'][number];
type Expense = Household['expenses'][number];

interface Props {
  household: Household;
  editable: boolean;
}

const money = (fen: number) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatFen(fen)}</span>;

function ItemTable<T extends { id: number }>({ rows, columns, empty }: { rows: T[]; columns: TableProps<T>['columns']; empty: string }) {
  return (
    <Table<T>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
    />
  );
}

export function IncomeTable({ household, editable }: Props) {
  const { t } = useI18n();
  const nameOf = (personId: number | null) =>
    personId === null ? t('income.wholeHousehold') : (household.members.find((m) => m.personId === personId)?.name ?? String(personId));
  const columns: TableProps<Income>['columns'] = [
    { key: 'month', title: t('income.month'), dataIndex: 'month' },
    { key: 'member', title: t('income.member'), render: (_, r) => nameOf(r.personId) },
    { key: 'type', title: t('income.type'), render: (_, r) => codeLabel('incomeType', r.type, t) },
    { key: 'subtype', title: t('income.subtype'), render: (_, r) => codeLabel('incomeSubtype', r.subtype, t) },
    { key: 'amount', title: t('income.amount'), align: 'right', render: (_, r) => money(r.amountFen) },
    { key: 'source', title: t('income.source'), dataIndex: 'source' },
  ];
  if (editable) {
    columns.push({ key: 'actions', title: t('common.actions'), render: (_, r) => <DeleteItemButton householdId={household.id} kind="incomes" itemId={r.id} /> });
  }
  const rows = [...household.incomes].sort((a, b) => b.month.localeCompare(a.month) || b.id - a.id);
  return <ItemTable rows={rows} columns={columns} empty={t('income.empty')} />;
}

export function AssetTable({ household, editable }: Props) {
  const { t } = useI18n();
  const columns: TableProps<Asset>['columns'] = [
    { key: 'kind', title: t('asset.kind'), render: (_, r) => codeLabel('assetKind', r.kind, t) },
    { key: 'value', title: t('asset.value'), align: 'right', render: (_, r) => money(r.valueFen) },
    {
      key: 'area',
      title: t('asset.floorArea'),
      align: 'right',
      render: (_, r) => (r.floorAreaCm2 === null ? '' : formatArea(r.floorAreaCm2)),
    },
    { key: 'description', title: t('asset.description'), dataIndex: 'description' },
    { key: 'asOf', title: t('asset.asOf'), dataIndex: 'asOf' },
  ];
  if (editable) {
    columns.push({ key: 'actions', title: t('common.actions'), render: (_, r) => <DeleteItemButton householdId={household.id} kind="assets" itemId={r.id} /> });
  }
  return <ItemTable rows={household.assets} columns={columns} empty={t('asset.empty')} />;
}

export function ExpenseTable({ household, editable }: Props) {
  const { t } = useI18n();
  const columns: TableProps<Expense>['columns'] = [
    { key: 'date', title: t('expense.date'), dataIndex: 'date' },
    { key: 'kind', title: t('expense.kind'), render: (_, r) => codeLabel('expenseKind', r.kind, t) },
    { key: 'amount', title: t('expense.amount'), align: 'right', render: (_, r) => money(r.amountFen) },
    { key: 'description', title: t('expense.description'), dataIndex: 'description' },
  ];
  if (editable) {
    columns.push({ key: 'actions', title: t('common.actions'), render: (_, r) => <DeleteItemButton householdId={household.id} kind="expenses" itemId={r.id} /> });
  }
  const rows = [...household.expenses].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  return <ItemTable rows={rows} columns={columns} empty={t('expense.empty')} />;
}
