// What a program returns: a status, an amount in 分, and (when asked for) a trace of every
// condition with its values, the parameters used and their sources. Building the trace is
// optional so that batch screening pays nothing for it; the same code decides in both modes.
import { PARAMETERS, type ParameterKey } from './parameters.catalog.ts';
import type { ParameterSet, Provenance } from './parameters.ts';
import { formatBp, formatYuan } from './money.ts';

export type ProgramId =
  | 'tekun' | 'dibao' | 'dibao_edge' | 'rigid_expense' | 'temporary' | 'fcu'
  | 'unemployment_insurance' | 'unemployment_subsidy' | 'medical_aid';

export type Status = 'eligible' | 'ineligible' | 'needs_information';

export type ParameterUse = { key: ParameterKey; value: unknown; text: { zh: string; en: string }; provenance: Provenance | null };

export type Condition = {
  id: string;
  /** true passed, false failed, null unknown (facts missing). */
  pass: boolean | null;
  zh: string;
  en: string;
  values: Record<string, number | string | boolean | null>;
  parameters: ParameterUse[];
  basis?: string;
};

export type Decision = {
  program: ProgramId;
  status: Status;
  /** 分; per month when `period` is 'monthly', once when 'once'. */
  amountFen: number | null;
  period: 'monthly' | 'once' | null;
  durationMonths: number | null;
  /** Program-specific class: gap / tiers / single_person / phase_out, 全自理 …, emergency … */
  category: string | null;
  /** Facts (dotted paths of HouseholdFacts) or parameters (`param:key`) that are needed. */
  missing: string[];
  /** Close to a threshold it failed (or barely passed): worth a human look. */
  nearMiss: boolean;
  /** Who the decision is about, for person-level programs (index into members). */
  subject: number | null;
  trace: Condition[] | null;
};

const NO_FIELDS: Partial<Omit<Decision, 'program' | 'status'>> = Object.freeze({});

export function decision(
  program: ProgramId,
  status: Status,
  fields: Partial<Omit<Decision, 'program' | 'status'>> = NO_FIELDS,
): Decision {
  return {
    program,
    status,
    amountFen: fields.amountFen ?? null,
    period: fields.period ?? null,
    durationMonths: fields.durationMonths ?? null,
    category: fields.category ?? null,
    missing: fields.missing ?? [],
    nearMiss: fields.nearMiss ?? false,
    subject: fields.subject ?? null,
    trace: fields.trace ?? null,
  };
}

/** Place names for explanations (the engine itself knows no database). */
export type PlaceNames = (code: string) => string | undefined;

/** Collects the conditions of one evaluation; absent (null) in fast mode. */
export class Tracer {
  readonly conditions: Condition[] = [];
  readonly params: ParameterSet;
  readonly placeName: PlaceNames;

  constructor(params: ParameterSet, placeName: PlaceNames = () => undefined) {
    this.params = params;
    this.placeName = placeName;
  }

  check(
    id: string,
    pass: boolean | null,
    text: { zh: string; en: string },
    values: Condition['values'] = {},
    parameters: ParameterKey[] = [],
    basis?: string,
  ): void {
    this.conditions.push({ id, pass, zh: text.zh, en: text.en, values, parameters: parameters.map((k) => this.use(k)), basis });
  }

  /** A parameter as a phrase: "杏花岭区 2022 年城市低保标准 750.00 元". */
  use(key: ParameterKey): ParameterUse {
    const provenance = this.params.provenance[key] ?? null;
    const value = this.params.values[key];
    return { key, value, provenance, text: this.phrase(key, value, provenance) };
  }

  param(key: ParameterKey): { zh: string; en: string } {
    return this.use(key).text;
  }

  private phrase(key: ParameterKey, value: unknown, provenance: Provenance | null): { zh: string; en: string } {
    const def = PARAMETERS[key];
    const shown = formatParameterValue(key, value);
    if (!provenance) return { zh: `${def.zh}（未设置）`, en: `${def.en} (not set)` };
    const place = provenance.jurisdiction === '' ? '' : (this.placeName(provenance.jurisdiction) ?? provenance.jurisdiction);
    const year = provenance.from.slice(0, 4);
    return {
      zh: `${place ? `${place} ` : ''}${year} 年${def.zh} ${shown.zh}`,
      en: `${def.en}${place ? ` of ${place}` : ''} (${year}) ${shown.en}`,
    };
  }
}

const ENUM_LABELS: Record<string, { zh: string; en: string }> = {
  gap: { zh: '补差', en: 'gap' }, tiers: { zh: '分档', en: 'tiers' },
  half_up: { zh: '四舍五入', en: 'round half up' }, floor: { zh: '向下取整', en: 'round down' }, ceil: { zh: '向上取整', en: 'round up' },
  full: { zh: '全额发放', en: 'in full' }, difference: { zh: '差额发放', en: 'the difference' },
  school: { zh: '中小学', en: 'school' }, vocational: { zh: '中职/高职', en: 'vocational' },
  undergraduate: { zh: '本科及以下', en: 'up to undergraduate' }, postgraduate: { zh: '研究生及以上', en: 'postgraduate' },
};

/** A parameter value as people read it: 750.00 元, 150%, 24 个月, 是/否. */
export function formatParameterValue(key: ParameterKey, value: unknown): { zh: string; en: string } {
  const def = PARAMETERS[key] as { kind: string; unit?: string };
  if (value === undefined || value === null) return { zh: '未设置', en: 'not set' };
  switch (def.kind) {
    case 'fen':
      return { zh: `${formatYuan(value as number)} 元`, en: `¥${formatYuan(value as number)}` };
    case 'bp':
      return { zh: formatBp(value as number), en: formatBp(value as number) };
    case 'bool':
      return { zh: value ? '是' : '否', en: value ? 'yes' : 'no' };
    case 'int': {
      const unit = def.unit ?? '';
      return { zh: `${value as number}${unit ? ` ${unit}` : ''}`, en: String(value) };
    }
    case 'list':
      return { zh: (value as string[]).join('、'), en: (value as string[]).join(', ') };
    case 'date':
      return { zh: String(value), en: String(value) };
    case 'enum': {
      const label = ENUM_LABELS[value as string];
      return label ? { zh: label.zh, en: label.en } : { zh: String(value), en: String(value) };
    }
    case 'tiers': {
      const tiers = value as { gapAtLeastBp: number; payBp: number }[];
      return {
        zh: tiers.map((t) => `差额≥${formatBp(t.gapAtLeastBp)} 发 ${formatBp(t.payBp)}`).join('；'),
        en: tiers.map((t) => `gap ≥ ${formatBp(t.gapAtLeastBp)}: ${formatBp(t.payBp)}`).join('; '),
      };
    }
    case 'durations': {
      const rows = value as { years: number; months: number }[];
      return {
        zh: rows.map((r) => `缴费满 ${r.years} 年 ${r.months} 个月`).join('；'),
        en: rows.map((r) => `${r.years}+ years: ${r.months} months`).join('; '),
      };
    }
    default:
      return { zh: JSON.stringify(value), en: JSON.stringify(value) };
  }
}

export const yuan = (fen: number): string => `${formatYuan(fen)} 元`;
export const yuanEn = (fen: number): string => `¥${formatYuan(fen)}`;
