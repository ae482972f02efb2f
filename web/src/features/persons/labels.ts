// Names of the registry's coded values in the current language; a code the dictionaries do not
// know (a tag or illness added by configuration) shows as itself.
import {
  DEFAULT_ILLNESSES,
  DEFAULT_TAGS,
  DISABILITY_CATEGORIES,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  MARITAL_STATUSES,
  SELF_CARE_ITEMS,
  SEXES,
  WORK_CAPACITIES,
  type Person,
} from '../../../../src/modules/persons/persons.schema.ts';
import { isMessageKey, type Translate } from '../../i18n/index.ts';

export type CodeKind =
  | 'sex'
  | 'maritalStatus'
  | 'education'
  | 'employmentStatus'
  | 'workCapacity'
  | 'disabilityCategory'
  | 'disabilityGrade'
  | 'relationship'
  | 'tag'
  | 'illness'
  | 'selfCare'
  | 'incomeType'
  | 'incomeSubtype'
  | 'assetKind'
  | 'expenseKind';

export function codeLabel(kind: CodeKind, code: string | number | null | undefined, t: Translate): string {
  if (code === null || code === undefined || code === '') return '';
  const key = `code.${kind}.${code}`;
  return isMessageKey(key) ? t(key) : String(code);
}

/** Select options for a list of codes, labelled in the current language. */
export function codeOptions(kind: CodeKind, codes: readonly (string | number)[], t: Translate) {
  return codes.map((value) => ({ value, label: codeLabel(kind, value, t) }));
}

export const DISABILITY_GRADES = [1, 2, 3, 4] as const;
export const TAG_CODES = Object.keys(DEFAULT_TAGS);
export const ILLNESS_CODES = Object.keys(DEFAULT_ILLNESSES);

export const PERSON_CODES = {
  sex: SEXES,
  maritalStatus: MARITAL_STATUSES,
  education: EDUCATION_LEVELS,
  employmentStatus: EMPLOYMENT_STATUSES,
  workCapacity: WORK_CAPACITIES,
  disabilityCategory: DISABILITY_CATEGORIES,
} as const;

/** "能完全自理", "能独立：进食、穿衣", or "未评估". */
export function selfCareText(selfCare: Person['selfCare'], t: Translate): string {
  if (!selfCare) return t('person.selfCareNotAssessed');
  const can = SELF_CARE_ITEMS.filter((item) => selfCare[item]);
  if (can.length === SELF_CARE_ITEMS.length) return t('person.selfCareAll');
  if (can.length === 0) return t('person.selfCareNone');
  return t('person.selfCareCan', { items: can.map((item) => codeLabel('selfCare', item, t)).join(t('person.listSeparator')) });
}
