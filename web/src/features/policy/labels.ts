// How policy values read: decision statuses, source tags, parameter groups and amounts.
import type { SOURCE_TAGS, StatusSchema } from '../../../../src/modules/policy/policy.schema.ts';
import type { Lang, MessageKey, Translate } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';

export type Status = (typeof StatusSchema)['options'][number];
export type SourceTag = (typeof SOURCE_TAGS)[number];

export const STATUS_COLOR: Record<Status, string> = {
  eligible: 'success',
  ineligible: 'default',
  needs_information: 'warning',
};
export const statusLabel = (status: Status, t: Translate): string => t(`policy.status.${status}`);

export const SOURCE_TAG_COLOR: Record<SourceTag, string> = { C: 'green', L: 'blue', R: 'gold', demo: 'purple' };
export const sourceTagLabel = (tag: SourceTag, t: Translate): string => t(`policy.tag.${tag}`);

/** Parameter keys grouped by program, in this order; anything else is "general". */
export const PARAMETER_GROUPS = ['dibao', 'tekun', 'linshi', 'fcu', 'unemp', 'rigid', 'medical', 'procedure', 'fraud', 'jobs', 'rescue', 'general'] as const;
export type ParameterGroup = (typeof PARAMETER_GROUPS)[number];

export function parameterGroup(key: string): ParameterGroup {
  const prefix = key.split('.')[0] ?? '';
  return (PARAMETER_GROUPS as readonly string[]).includes(prefix) && prefix !== 'general' ? (prefix as ParameterGroup) : 'general';
}
export const groupLabel = (group: ParameterGroup): MessageKey => `policy.group.${group}`;

/** "972.00 元/月", "500.00 元（一次性）", or just "972.00 元" when no period is given. */
export function amountText(amountFen: number, period: 'monthly' | 'once' | null, t: Translate): string {
  const amount = formatFen(amountFen);
  if (period === 'monthly') return t('policy.amount.monthly', { amount });
  if (period === 'once') return t('policy.amount.once', { amount });
  return t('finance.yuan', { amount });
}

/** The zh or en half of a bilingual text. */
export const inLang = (text: { zh: string; en: string }, lang: Lang): string => (lang === 'zh' ? text.zh : text.en);

// Units as the parameter catalogue writes them (Chinese), with their English reading.
const UNIT_EN: Record<string, string> = {
  '元': 'yuan',
  '元/月': 'yuan/month',
  '元/人/月': 'yuan/person/month',
  '元/小时': 'yuan/hour',
  '元/年': 'yuan/year',
  '%': '%',
  '个月': 'months',
  '周岁': 'years of age',
  '年': 'years',
  '辆': 'vehicles',
  '套': 'homes',
  '个': '',
  '次': 'times',
  '天': 'days',
  '工作日': 'working days',
  '小时': 'hours',
  '倍': '×',
  'cm²': 'cm²',
};

/** A parameter's unit in the current language ('' when it has none). */
export function unitText(unit: string | null, lang: Lang): string {
  if (!unit) return '';
  return lang === 'zh' ? unit : (UNIT_EN[unit] ?? unit);
}
