import type { FormRule as Rule } from 'antd';
import type { Translate } from '../../i18n/index.ts';
import { parseArea, parseYuan } from '../../lib/money.ts';

/** A required amount in 元 with at most two decimals. */
export const moneyRules = (t: Translate): Rule[] => [
  { required: true, whitespace: true, message: t('money.invalid') },
  {
    validator: (_, value: string | undefined) =>
      !value?.trim() || parseYuan(value) !== undefined ? Promise.resolve() : Promise.reject(new Error(t('money.invalid'))),
  },
];

/** An optional floor area in m² with at most two decimals. */
export const areaRules = (t: Translate): Rule[] => [
  {
    validator: (_, value: string | undefined) =>
      !value?.trim() || parseArea(value) !== undefined ? Promise.resolve() : Promise.reject(new Error(t('area.invalid'))),
  },
];
