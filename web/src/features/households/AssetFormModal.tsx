import { DatePicker, Form, Input, Select } from 'antd';
import { ASSET_KINDS, type Household } from '../../../../src/modules/households/households.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, isFutureDay, todayLocal, toDayValue, type DayValue } from '../../lib/dates.ts';
import { parseArea, parseYuan } from '../../lib/money.ts';
import { codeOptions } from '../persons/labels.ts';
import { ItemModal } from './ItemModal.tsx';
import { areaRules, moneyRules } from './moneyField.ts';

interface Values {
  kind: (typeof ASSET_KINDS)[number];
  value: string;
  floorArea?: string;
  description?: string;
  asOf: DayValue;
}

/** 登记财产: value in 元, and for a house its floor area in m². */
export function AssetFormModal({ household, onClose }: { household: Household; onClose: () => void }) {
  const { t } = useI18n();
  const required = { required: true, message: t('common.required') };
  return (
    <ItemModal<'assets', Values>
      kind="assets"
      household={household}
      title={t('asset.add')}
      fields={['kind', 'value', 'floorArea', 'description', 'asOf']}
      initialValues={{ asOf: toDayValue(todayLocal()) }}
      onClose={onClose}
      toBody={(v) => {
        const area = v.kind === 'house' && v.floorArea?.trim() ? parseArea(v.floorArea) : undefined;
        return {
          kind: v.kind,
          valueFen: parseYuan(v.value) ?? 0,
          ...(area !== undefined ? { floorAreaCm2: area } : {}),
          description: v.description?.trim() ?? '',
          asOf: dateOf(v.asOf) ?? todayLocal(),
        };
      }}
    >
      {(form) => (
        <>
          <Form.Item name="kind" label={t('asset.kind')} rules={[required]}>
            <Select options={codeOptions('assetKind', ASSET_KINDS, t)} />
          </Form.Item>
          <Form.Item name="value" label={t('asset.value')} rules={moneyRules(t)}>
            <Input inputMode="decimal" autoComplete="off" suffix={t('finance.unit')} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {() =>
              form.getFieldValue('kind') === 'house' && (
                <Form.Item name="floorArea" label={t('asset.floorArea')} rules={areaRules(t)}>
                  <Input inputMode="decimal" autoComplete="off" suffix="m²" />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="description" label={t('asset.description')} rules={[{ max: 200 }]}>
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
          <Form.Item name="asOf" label={t('asset.asOf')} rules={[required]}>
            <DatePicker format={DATE_FORMAT} disabledDate={isFutureDay} style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </>
      )}
    </ItemModal>
  );
}
