// How case values read: programs, states and steps of each procedure, channels, visit and
// attachment kinds, timeline events; and the days left before a deadline.
import {
  ATTACHMENT_KINDS,
  CATEGORIES,
  CAUSE_KINDS,
  CAUSE_KIND_LABELS,
  CHANNELS,
  VISIT_KINDS,
  type CauseKind,
} from '../../../../src/modules/cases/cases.schema.ts';
import { OPEN_STATES, PROGRAMS, STATES } from '../../../../src/modules/cases/workflow/states.ts';
import { isMessageKey, type Translate } from '../../i18n/index.ts';
import { todayLocal } from '../../lib/dates.ts';
import type { CaseProgram, CaseState, Procedure } from './api.ts';

export { ATTACHMENT_KINDS, CATEGORIES, CAUSE_KINDS, CHANNELS, OPEN_STATES, PROGRAMS, STATES, VISIT_KINDS, type CauseKind };
export type Channel = (typeof CHANNELS)[number];
export type Category = (typeof CATEGORIES)[number];
export type VisitKind = (typeof VISIT_KINDS)[number];
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export type OverdueReason = 'step' | 'overall' | 'paperwork' | 'notice';

export const programLabel = (p: CaseProgram, t: Translate) => t(`case.program.${p}`);
export const stateLabel = (s: CaseState, t: Translate) => t(`case.state.${s}`);
export const channelLabel = (c: Channel, t: Translate) => t(`case.channel.${c}`);
export const categoryLabel = (c: Category, t: Translate) => t(`case.category.${c}`);
export const visitKindLabel = (k: VisitKind, t: Translate) => t(`case.visitKind.${k}`);
export const attachmentKindLabel = (k: AttachmentKind, t: Translate) => t(`case.attachmentKind.${k}`);
export const overdueReasonLabel = (r: OverdueReason, t: Translate) => t(`case.overdueReason.${r}`);
/** 火灾 / Fire: the catalogue carries both languages. */
export const causeKindLabel = (k: CauseKind, lang: 'zh' | 'en') => CAUSE_KIND_LABELS[k][lang];

/** Timeline event names; an action added on the server later shows as its code. */
export function eventLabel(action: string, t: Translate): string {
  const key = `case.event.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

export const STATE_COLOR: Record<CaseState, string> = {
  accepted: 'blue',
  investigating: 'cyan',
  reviewing: 'geekblue',
  publicizing: 'purple',
  approving: 'orange',
  approved: 'green',
  closed: 'default',
  refused: 'red',
  withdrawn: 'default',
};

/** The steps a procedure goes through, in order: 受理 → 调查 → 审核 → (公示) → 审批 → 发放. */
export type StepKey = 'accepted' | 'investigating' | 'reviewing' | 'publicizing' | 'approving' | 'approved';
export function stepsOf(procedure: Procedure): StepKey[] {
  return procedure === 'general'
    ? ['accepted', 'investigating', 'reviewing', 'publicizing', 'approving', 'approved']
    : ['accepted', 'investigating', 'reviewing', 'approving', 'approved'];
}
export const stepLabel = (step: StepKey, procedure: Procedure, t: Translate): string =>
  t(procedure === 'review' && step === 'accepted' ? 'case.step.reviewOpened' : `case.step.${step}`);

export const procedureLabel = (p: Procedure, t: Translate) => t(`case.procedure.${p}`);

/** Whole calendar days from today to a date (negative once past). */
export function daysUntil(date: string, today = todayLocal()): number {
  const ms = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(date) - ms(today)) / 86_400_000);
}
