import { DatePicker, Form, Input, Select } from 'antd';
import { EXPENSE_KINDS, type Household } from '../../../../src/modules/households/households.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, isFutureDay, todayLocal } from '../../lib/dates.ts';
import type { DayValue } from '../../lib/dates.ts';
import { parseYuan } from '../../lib/money.ts';
import { codeOptions } from '../persons/labels.ts';
import { ItemModal } from './ItemModal.tsx';
import { moneyRules } from './moneyField.ts';

interface Values {
  kind: (typeof EXPENSE_KINDS)[number];
  amount: string;
  date: DayValue;
  description?: string;
}

/** 登记刚性支出: medical, education, rehabilitation… in 元, on a date. */
export function ExpenseFormModal({ household, onClose }: { household: Household; onClose: () => void }) {
  const { t } = useI18n();
  const required = { required: true, message: t('common.required') };
  return (
    <ItemModal<'expenses', Values>
      kind="expenses"
      household={household}
      title={t('expense.add')}
      fields={['kind', 'amount', 'date', 'description']}
      onClose={onClose}
      toBody={(v) => ({
        kind: v.kind,
        amountFen: parseYuan(v.amount) ?? 0,
        date: dateOf(v.date) ?? todayLocal(),
        description: v.description?.trim() ?? '',
      })}
    >
      {() => (
        <>
          <Form.Item name="kind" label={t('expense.kind')} rules={[required]}>
            <Select options={codeOptions('expenseKind', EXPENSE_KINDS, t)} />
          </Form.Item>
          <Form.Item name="amount" label={t('expense.amount')} rules={moneyRules(t)}>
            <Input inputMode="decimal" autoComplete="off" suffix={t('finance.unit')} />
          </Form.Item>
          <Form.Item name="date" label={t('expense.date')} rules={[required]}>
            <DatePicker format={DATE_FORMAT} disabledDate={isFutureDay} style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
          <Form.Item name="description" label={t('expense.description')} rules={[{ max: 200 }]}>
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
        </>
      )}
    </ItemModal>
  );
}
