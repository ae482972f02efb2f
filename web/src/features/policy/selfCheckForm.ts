// The self-check form's values and their conversion into the API body. Field names follow the
// body, so the server's per-field messages land on the right inputs.
import type { FormInstance } from 'antd';
import type { SelfCheckBody, SelfCheckMember } from '../../../../src/modules/policy/policy.schema.ts';
import { ApiError } from '../../api/client.ts';
import type { Lang } from '../../i18n/index.ts';
import { dateOf, type DayValue } from '../../lib/dates.ts';
import { parseYuan } from '../../lib/money.ts';
import type { z } from 'zod';

type Member = z.input<typeof SelfCheckMember>;
export type Relationship = Member['relationship'];
export type Disability = NonNullable<Member['disability']>;
export type Emergency = NonNullable<SelfCheckBody['emergency']>;
export type Separation = NonNullable<SelfCheckBody['unemployment']>['separation'];

export const RELATIONSHIPS: readonly Relationship[] = ['head', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other'];
export const DISABILITIES: readonly Disability[] = ['none', 'visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'];
export const EMERGENCIES: readonly Emergency[] = ['none', 'fire', 'traffic_accident', 'other_accident', 'sudden_illness'];
export const SEPARATIONS: readonly Separation[] = ['involuntary', 'voluntary', 'employer_fault', 'refused_renewal'];

export interface MemberValues {
  relationship: Relationship;
  age?: number | null;
  disability: Disability;
  disabilityGrade?: number | null;
  seriousIllness?: boolean;
  fullTimeStudent?: boolean;
  selfCareItemsFailed?: number | null;
}

export interface SelfCheckValues {
  countyCode?: string;
  area?: 'urban' | 'rural';
  localHukou: boolean;
  members: MemberValues[];
  /** 元 as typed, converted exactly. */
  monthlyIncomeYuan?: string;
  depositsYuan?: string;
  houses?: number | null;
  vehicles?: number | null;
  medicalAndEducationCostsLast12MonthsYuan?: string;
  emergency: Emergency;
  unemployed: boolean;
  unemployment?: {
    contributionMonths?: number | null;
    separation?: Separation;
    separationDate?: DayValue | null;
    registered?: boolean;
  };
}

export const newMember = (index: number): MemberValues => ({
  relationship: index === 0 ? 'head' : index === 1 ? 'spouse' : 'child',
  disability: 'none',
  seriousIllness: false,
  fullTimeStudent: false,
});

export const INITIAL_VALUES: SelfCheckValues = {
  localHukou: true,
  members: [newMember(0)],
  houses: 1,
  vehicles: 0,
  emergency: 'none',
  unemployed: false,
};

/** 元 text → a number of 元 with at most two decimals (parsed exactly as 分 first); blank → 0. */
function yuan(text: string | undefined): number {
  const fen = parseYuan(text ?? '');
  return fen === undefined ? 0 : fen / 100;
}

const optional = (n: number | null | undefined): number | undefined => (n === null || n === undefined ? undefined : n);

export function toBody(v: SelfCheckValues): SelfCheckBody {
  const u = v.unemployment;
  const separationDate = dateOf(u?.separationDate ?? undefined);
  return {
    countyCode: v.countyCode ?? '',
    area: v.area ?? 'urban',
    localHukou: v.localHukou,
    members: v.members.map((m) => ({
      relationship: m.relationship,
      age: m.age ?? 0,
      disability: m.disability,
      disabilityGrade: m.disability === 'none' ? undefined : optional(m.disabilityGrade),
      seriousIllness: m.seriousIllness === true,
      fullTimeStudent: m.fullTimeStudent === true,
      selfCareItemsFailed: optional(m.selfCareItemsFailed),
    })),
    monthlyIncomeYuan: yuan(v.monthlyIncomeYuan),
    depositsYuan: yuan(v.depositsYuan),
    houses: v.houses ?? 0,
    vehicles: v.vehicles ?? 0,
    medicalAndEducationCostsLast12MonthsYuan: yuan(v.medicalAndEducationCostsLast12MonthsYuan),
    emergency: v.emergency,
    unemployment:
      v.unemployed && u && u.separation && separationDate
        ? {
            contributionMonths: u.contributionMonths ?? 0,
            separation: u.separation,
            separationDate,
            registered: u.registered === true,
          }
        : undefined,
  };
}

/**
 * Puts the server's per-field messages on the inputs: "body.members.1.age" → ['members', 1, 'age'].
 * Returns how many were placed.
 */
export function applySelfCheckFieldErrors(form: FormInstance<SelfCheckValues>, error: unknown, lang: Lang): number {
  if (!(error instanceof ApiError) || !error.body.fields?.length) return 0;
  const fields = error.body.fields.map((f) => {
    const path = f.field
      .split(/[./[\]]+/)
      .filter((s) => s !== '' && s !== 'body')
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    return { name: path, errors: [lang === 'zh' ? f.messageZh : f.message] };
  });
  const known = fields.filter((f) => f.name.length > 0);
  // Paths come from the server, so they are only known at run time.
  (form as FormInstance).setFields(known);
  return known.length;
}
