// What a 临时救助 is for (事由类别): the catalogue a structured cause picks from. 一事一救 compares
// causes by kind, event date and an official reference, never by how the cause was worded.
export const CAUSE_KINDS = [
  'fire', 'traffic_accident', 'accidental_injury', 'sudden_illness', 'natural_disaster',
  'job_loss', 'education', 'medical', 'stranded', 'other',
] as const;
export type CauseKind = (typeof CAUSE_KINDS)[number];

export const CAUSE_KIND_LABELS: Record<CauseKind, { zh: string; en: string }> = {
  fire: { zh: '火灾', en: 'Fire' },
  traffic_accident: { zh: '交通事故', en: 'Traffic accident' },
  accidental_injury: { zh: '意外伤害', en: 'Accidental injury' },
  sudden_illness: { zh: '突发重病', en: 'Sudden serious illness' },
  natural_disaster: { zh: '自然灾害', en: 'Natural disaster' },
  job_loss: { zh: '失业/停工', en: 'Job loss or stoppage' },
  education: { zh: '教育支出', en: 'Education costs' },
  medical: { zh: '医疗支出', en: 'Medical costs' },
  stranded: { zh: '临时遇困（生活无着）', en: 'Stranded without means' },
  other: { zh: '其他', en: 'Other' },
};

export function isCauseKind(value: string): value is CauseKind {
  return (CAUSE_KINDS as readonly string[]).includes(value);
}
