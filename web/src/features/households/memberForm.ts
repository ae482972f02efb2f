// Member flags as form values and back. "Able to live independently" is yes / no / not assessed.
import type { MemberFlags } from '../../../../src/modules/households/households.schema.ts';
import { dateOf, toDayValue, type DayValue } from '../../lib/dates.ts';

export interface FlagValues {
  livingTogether: boolean;
  fullTimeStudent: boolean;
  servingSentence: boolean;
  clergyLivingApartSince?: DayValue | null;
  able: 'unknown' | 'yes' | 'no';
  legalSupportDuty: boolean;
}

export const DEFAULT_FLAG_VALUES: FlagValues = {
  livingTogether: true,
  fullTimeStudent: false,
  servingSentence: false,
  clergyLivingApartSince: null,
  able: 'unknown',
  legalSupportDuty: false,
};

export function flagValues(flags: MemberFlags): FlagValues {
  return {
    livingTogether: flags.livingTogether,
    fullTimeStudent: flags.fullTimeStudent,
    servingSentence: flags.servingSentence,
    clergyLivingApartSince: toDayValue(flags.clergyLivingApartSince) ?? null,
    able: flags.ableToLiveIndependently === null ? 'unknown' : flags.ableToLiveIndependently ? 'yes' : 'no',
    legalSupportDuty: flags.legalSupportDuty,
  };
}

export function flagsOf(values: FlagValues): MemberFlags {
  return {
    livingTogether: values.livingTogether,
    fullTimeStudent: values.fullTimeStudent,
    servingSentence: values.servingSentence,
    clergyLivingApartSince: dateOf(values.clergyLivingApartSince) ?? null,
    ableToLiveIndependently: values.able === 'unknown' ? null : values.able === 'yes',
    legalSupportDuty: values.legalSupportDuty,
  };
}

/** Only the flags that differ, so the history shows what changed. */
export function changedFlags(before: MemberFlags, after: MemberFlags): Partial<MemberFlags> {
  return Object.fromEntries(
    (Object.keys(after) as (keyof MemberFlags)[]).filter((k) => after[k] !== before[k]).map((k) => [k, after[k]]),
  ) as Partial<MemberFlags>;
}
