import { DatePicker, Form, Input, Select } from 'antd';
import { INCOME_SUBTYPES, INCOME_TYPES, type Household } from '../../../../src/modules/households/households.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { isFutureMonth, MONTH_FORMAT, monthOf, type DayValue } from '../../lib/dates.ts';
import { parseYuan } from '../../lib/money.ts';
import { codeOptions } from '../persons/labels.ts';
import { ItemModal } from './ItemModal.tsx';
import { moneyRules } from './moneyField.ts';

interface Values {
  personId?: number;
  type: (typeof INCOME_TYPES)[number];
  subtype: (typeof INCOME_SUBTYPES)[number];
  month: DayValue;
  amount: string;
  source: string;
}

const WHOLE_HOUSEHOLD = 0;

/** 登记收入: one month's income of a member (or the whole household), in 元, with its source. */
export function IncomeFormModal({ household, onClose }: { household: Household; onClose: () => void }) {
  const { t } = useI18n();
  const required = { required: true, message: t('common.required') };
  return (
    <ItemModal<'incomes', Values>
      kind="incomes"
      household={household}
      title={t('income.add')}
      fields={['personId', 'type', 'subtype', 'month', 'amount', 'source']}
      initialValues={{ personId: WHOLE_HOUSEHOLD, subtype: 'other' }}
      onClose={onClose}
      toBody={(v) => ({
        personId: v.personId ? v.personId : null,
        type: v.type,
        subtype: v.subtype,
        month: monthOf(v.month) ?? '',
        amountFen: parseYuan(v.amount) ?? 0,
        source: v.source.trim(),
      })}
    >
      {() => (
        <>
          <Form.Item name="personId" label={t('income.member')}>
            <Select
              options={[
                { value: WHOLE_HOUSEHOLD, label: t('income.wholeHousehold') },
                ...household.members.map((m) => ({ value: m.personId, label: m.name })),
              ]}
            />
          </Form.Item>
          <Form.Item name="type" label={t('income.type')} rules={[required]}>
            <Select options={codeOptions('incomeType', INCOME_TYPES, t)} />
          </Form.Item>
          <Form.Item name="subtype" label={t('income.subtype')} rules={[required]}>
            <Select options={codeOptions('incomeSubtype', INCOME_SUBTYPES, t)} />
          </Form.Item>
          <Form.Item name="month" label={t('income.month')} rules={[required]}>
            <DatePicker picker="month" format={MONTH_FORMAT} disabledDate={isFutureMonth} style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
          <Form.Item name="amount" label={t('income.amount')} rules={moneyRules(t)}>
            <Input inputMode="decimal" autoComplete="off" suffix={t('finance.unit')} />
          </Form.Item>
          <Form.Item name="source" label={t('income.source')} rules={[{ ...required, whitespace: true }, { max: 100 }]}>
            <Input autoComplete="off" maxLength={100} placeholder={t('income.sourcePlaceholder')} />
          </Form.Item>
        </>
      )}
    </ItemModal>
  );
}
