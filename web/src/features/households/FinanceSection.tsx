import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useState, type ReactNode } from 'react';
import type { Household } from '../../../../src/modules/households/households.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { AssetFormModal } from './AssetFormModal.tsx';
import { ExpenseFormModal } from './ExpenseFormModal.tsx';
import { FinanceSummary } from './FinanceSummary.tsx';
import { IncomeFormModal } from './IncomeFormModal.tsx';
import { AssetTable, ExpenseTable, IncomeTable } from './ItemTables.tsx';
import type { ItemKind } from './api.ts';

/** 家庭经济: the computed figures, and the income, asset and expense records behind them. */
export function FinanceSection({ household, editable }: { household: Household; editable: boolean }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<ItemKind>('incomes');
  const [adding, setAdding] = useState<ItemKind | null>(null);
  const close = () => setAdding(null);

  const addButton = (kind: ItemKind, label: string): ReactNode =>
    editable && (
      <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(kind)} style={{ marginBottom: 8 }}>
        {label}
      </Button>
    );

  return (
    <Card size="small" title={t('finance.title')} style={{ marginBottom: 16 }} data-testid="household-finances">
      <FinanceSummary finances={household.finances} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as ItemKind)}
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'incomes',
            label: `${t('income.title')} (${household.incomes.length})`,
            children: (
              <>
                {addButton('incomes', t('income.add'))}
                <IncomeTable household={household} editable={editable} />
              </>
            ),
          },
          {
            key: 'assets',
            label: `${t('asset.title')} (${household.assets.length})`,
            children: (
              <>
                {addButton('assets', t('asset.add'))}
                <AssetTable household={household} editable={editable} />
              </>
            ),
          },
          {
            key: 'expenses',
            label: `${t('expense.title')} (${household.expenses.length})`,
            children: (
              <>
                {addButton('expenses', t('expense.add'))}
                <ExpenseTable household={household} editable={editable} />
              </>
            ),
          },
        ]}
      />
      {adding === 'incomes' && <IncomeFormModal household={household} onClose={close} />}
      {adding === 'assets' && <AssetFormModal household={household} onClose={close} />}
      {adding === 'expenses' && <ExpenseFormModal household={household} onClose={close} />}
    </Card>
  );
}
