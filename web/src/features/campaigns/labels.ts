// Names of campaign statuses and checklist items in the current language.
import type { Checklist, TargetStatus } from '../../../../src/modules/campaigns/campaigns.schema.ts';
import type { Lang, Translate } from '../../i18n/index.ts';

export const STATUS_COLORS: Record<TargetStatus, string> = { pending: 'default', revisit: 'orange', closed: 'green' };

export function statusLabel(status: string, t: Translate): string {
  if (status === 'pending') return t('campaign.status.pending');
  if (status === 'revisit') return t('campaign.status.revisit');
  if (status === 'closed') return t('campaign.status.closed');
  return status;
}

/** A result's label ("已接种" / "Vaccinated"), or the code when the checklist does not know it. */
export function resultLabel(checklist: Checklist, code: string | null, lang: Lang): string {
  if (!code) return '';
  const r = checklist.results.find((x) => x.code === code);
  return r ? (lang === 'zh' ? r.label : r.labelEn) : code;
}

export function questionLabel(q: Checklist['questions'][number], lang: Lang): string {
  return lang === 'zh' ? q.label : q.labelEn;
}

/** A visit answer as text: 是/否 for yes-no questions. */
export function answerText(value: string | boolean | undefined, t: Translate): string {
  if (value === true) return t('campaign.yes');
  if (value === false) return t('campaign.no');
  return value ?? '';
}
