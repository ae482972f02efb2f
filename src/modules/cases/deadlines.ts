// The deadlines of a case in working days on the holiday calendar (民法典 第二百零一条: the day
// of the event is not counted), and calendar-day periods (公示, 补齐手续) whose last day moves to
// the next working day when it falls on a holiday or weekend (第二百零三条). Pure.
import { addWorkingDays, calendarPeriodEnd, extendToWorkday, OutsideCalendarError, type WorkCalendar } from '../../lib/workdays.ts';
import { AppError } from '../../platform/errors.ts';
import type { ParameterKey, ParameterValues } from '../policy/engine/parameters.catalog.ts';
import { emergencyPaperworkDue } from '../policy/rules/procedures.ts';
import type { State } from './workflow/states.ts';

function param(p: ParameterValues, key: ParameterKey): number {
  const v = p[key];
  if (typeof v !== 'number') throw new AppError('conflict', `Policy parameter ${key} is not set for this place`, `本地未设置政策参数 ${key}`);
  return v;
}

/** A date outside the holiday calendar is a configuration gap: say so, never guess weekends only. */
function onCalendar<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof OutsideCalendarError) throw new AppError('conflict', err.text.en, err.text.zh);
    throw err;
  }
}

/** 办理总时限: procedure.total_days (or total_days_extended once extended) working days from 受理. */
export function overallDue(cal: WorkCalendar, receivedOn: string, p: ParameterValues, extended: boolean): string {
  const days = param(p, extended ? 'procedure.total_days_extended' : 'procedure.total_days');
  return onCalendar(() => addWorkingDays(cal, receivedOn, days));
}

/** 公示: posted on `postedOn`, runs procedure.publicity_days calendar days from the next day. */
export function publicityWindow(cal: WorkCalendar, postedOn: string, p: ParameterValues): { from: string; to: string } {
  return { from: postedOn, to: onCalendar(() => calendarPeriodEnd(cal, postedOn, param(p, 'procedure.publicity_days'))) };
}

/** A calendar-day end date moved off a holiday (used for a second 公示 the objection rule computed). */
export function toWorkday(cal: WorkCalendar, date: string): string {
  return onCalendar(() => extendToWorkday(cal, date));
}

/** 不予批准: the written notice with reasons is due procedure.refusal_notice_days working days after. */
export function refusalNoticeDue(cal: WorkCalendar, refusedOn: string, p: ParameterValues): string {
  return onCalendar(() => addWorkingDays(cal, refusedOn, param(p, 'procedure.refusal_notice_days')));
}

/** 先行救助: the paperwork is due linshi.paperwork_days after the payment (rule), moved off a holiday. */
export function paperworkDue(cal: WorkCalendar, paidOn: string, p: ParameterValues): string {
  return onCalendar(() => extendToWorkday(cal, emergencyPaperworkDue(paidOn, p)));
}

/**
 * The deadline of the step a case has just entered: 调查 procedure.investigate_days and 审批
 * procedure.decision_days working days from the step's start; 公示 its last day; the other open
 * steps the whole procedure's deadline; a refusal its notice; nothing once decided.
 */
export function stepDue(
  cal: WorkCalendar,
  state: State,
  startedOn: string,
  p: ParameterValues,
  c: { overallDueOn: string | null; publicityTo: string | null; noticeDueOn: string | null },
): string | null {
  switch (state) {
    case 'investigating':
      return onCalendar(() => addWorkingDays(cal, startedOn, param(p, 'procedure.investigate_days')));
    case 'approving':
      return onCalendar(() => addWorkingDays(cal, startedOn, param(p, 'procedure.decision_days')));
    case 'publicizing':
      return c.publicityTo;
    case 'accepted':
    case 'reviewing':
      return c.overallDueOn;
    case 'refused':
      return c.noticeDueOn;
    default:
      return null;
  }
}

export type DueFacts = {
  state: string;
  dueOn: string | null;
  overallDueOn: string | null;
  paperworkDueOn: string | null;
  noticeDueOn: string | null;
  noticeServedOn: string | null;
};

/** Overdue: a deadline of the current step, the whole procedure or the 补齐手续 passed (the last day itself is in time). */
export function overdueReasons(c: DueFacts, today: string): ('step' | 'overall' | 'paperwork' | 'notice')[] {
  const out: ('step' | 'overall' | 'paperwork' | 'notice')[] = [];
  const open = ['accepted', 'investigating', 'reviewing', 'publicizing', 'approving'].includes(c.state);
  if (open && c.dueOn !== null && c.dueOn < today) out.push('step');
  if (open && c.overallDueOn !== null && c.overallDueOn < today) out.push('overall');
  if (open && c.paperworkDueOn !== null && c.paperworkDueOn < today) out.push('paperwork');
  if (c.state === 'refused' && c.noticeServedOn === null && c.noticeDueOn !== null && c.noticeDueOn < today) out.push('notice');
  return out;
}

/** The most pressing date of a case (what the queue sorts by). */
export function effectiveDue(c: DueFacts): string | null {
  const open = ['accepted', 'investigating', 'reviewing', 'publicizing', 'approving'].includes(c.state);
  const dates = open ? [c.dueOn, c.overallDueOn, c.paperworkDueOn] : c.state === 'refused' && c.noticeServedOn === null ? [c.noticeDueOn] : [];
  const set = dates.filter((d): d is string => d !== null).sort();
  return set[0] ?? null;
}
