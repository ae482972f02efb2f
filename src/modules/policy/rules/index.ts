// The procedure rules by name, each as (input, params) → plain output: what the case tables
// (../cases/procedures.yaml) run, and a single entry point for anything that drives rules by
// name. Each input is checked (strictly: a misspelt field is an error, not an ignored one)
// before the pure function in procedures.ts is called. Workflows may call those functions directly.
import { z } from 'zod';
import type { ParameterValues } from '../engine/parameters.catalog.ts';
import {
  approveInSequence, approveWithinCaps, emergencyPaperworkDue, firstPaymentMonth, fraudSanction, lastPaymentMonth,
  mayPayBeforeApproval, monthAfter, paymentMonths, publicityAfterObjection, publicJobTerm, rescueIdentityDeadlines, rescueStayCheck,
  reviewIntervalMonths, separateRegistration, temporaryCaps,
} from './procedures.ts';
import { findSameCause } from './same-cause.ts';

export type RuleOutput = Record<string, unknown>;
export type Rule = (input: unknown, p: ParameterValues) => RuleOutput;

const date = z.iso.date();
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'YYYY-MM-DDTHH:mm');
const fen = z.number().int().min(0);
const count = z.number().int().min(0);
const approval = z.strictObject({ person: z.string().min(1), amountFen: fen });
const request = z.strictObject({ person: z.string().min(1), requestedFen: fen, exception: z.boolean().optional() });
const cause = z.strictObject({ kind: z.string().min(1), eventOn: date, reference: z.string().optional(), description: z.string().optional() });

function rule<S extends z.ZodType>(name: string, schema: S, run: (input: z.infer<S>, p: ParameterValues) => RuleOutput): Rule {
  return (input, p) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new TypeError(`rule ${name}: input ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    return run(parsed.data, p);
  };
}

export const RULES = {
  /** Edge 3. */
  publicityAfterObjection: rule('publicityAfterObjection',
    z.strictObject({ publicityFrom: date, objectionOn: date, republishOn: date, deadline: date }),
    (x, p) => publicityAfterObjection(x, p)),

  /** Edge 4. */
  separateRegistration: rule('separateRegistration',
    z.strictObject({ ties: z.array(z.strictObject({ role: z.enum(['case_worker', 'committee_member']), relation: z.enum(['self', 'spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild', 'other']) })) }),
    (x, p) => separateRegistration(x, p)),

  /** Edge 5. */
  firstPaymentMonth: rule('firstPaymentMonth', z.strictObject({ approvedOn: date }),
    (x) => ({ month: firstPaymentMonth(x.approvedOn) })),
  lastPaymentMonth: rule('lastPaymentMonth', z.strictObject({ stoppedOn: date }),
    (x) => ({ month: lastPaymentMonth(x.stoppedOn), stopsFrom: monthAfter(x.stoppedOn) })),
  paymentMonths: rule('paymentMonths', z.strictObject({ approvedOn: date, stoppedOn: date.optional() }),
    (x) => paymentMonths(x.approvedOn, x.stoppedOn)),

  /** Edge 8. */
  reviewInterval: rule('reviewInterval',
    z.strictObject({ membersAbleToWork: count, irregularIncome: z.boolean(), lastReviewedOn: date.optional() }),
    (x, p) => reviewIntervalMonths(x, p)),

  /** Edge 9. */
  fraudSanction: rule('fraudSanction', z.strictObject({ overpaidFen: fen }),
    (x, p) => fraudSanction(x.overpaidFen, p)),

  /** Edge 15. */
  mayPayBeforeApproval: rule('mayPayBeforeApproval', z.strictObject({ kind: z.enum(['emergency', 'expenditure']) }),
    (x) => mayPayBeforeApproval(x.kind)),
  emergencyPaperworkDue: rule('emergencyPaperworkDue', z.strictObject({ paidOn: date }),
    (x, p) => ({ due: emergencyPaperworkDue(x.paidOn, p) })),

  /** Edge 18: the caps are temporaryLimits of the parameters in force. */
  approveWithinCaps: rule('approveWithinCaps',
    z.strictObject({ history: z.array(approval), person: z.string().min(1), requestedFen: fen, exception: z.boolean().optional() }),
    (x, p) => approveWithinCaps(x.history, { person: x.person, requestedFen: x.requestedFen, exception: x.exception }, temporaryCaps(p))),
  approveInSequence: rule('approveInSequence',
    z.strictObject({ history: z.array(approval), requests: z.array(request).min(1) }),
    (x, p) => {
      const grants = approveInSequence(x.history, x.requests, temporaryCaps(p));
      const before = x.history.reduce((s, h) => s + h.amountFen, 0);
      return { amounts: grants.map((g) => g.amountFen), householdTotalFen: before + grants.reduce((s, g) => s + g.amountFen, 0), grants };
    }),

  /** 一事一救 by what the cause is: the first earlier cause that is the same one, and why (linshi.same_cause_window_days). */
  sameCause: rule('sameCause',
    z.strictObject({ cause: cause, earlier: z.array(cause) }),
    (x, p) => {
      const found = findSameCause(x.cause, x.earlier, p['linshi.same_cause_window_days'] ?? 0);
      return found ? { same: true, by: found.by, index: x.earlier.indexOf(found.match) } : { same: false, by: null, index: null };
    }),

  /** Edge 25. */
  publicJobTerm: rule('publicJobTerm',
    z.strictObject({ age: count, retirementAge: count, placementsSoFar: count, start: date }),
    (x, p) => publicJobTerm(x.age, x.retirementAge, x.placementsSoFar, x.start, p)),

  /** Edge 26. */
  rescueStayCheck: rule('rescueStayCheck',
    z.strictObject({ minor: z.boolean(), mentalOrIntellectualDisability: z.boolean(), admittedOn: date, asOf: date, reasonRecorded: z.boolean().optional(), filed: z.boolean().optional() }),
    (x, p) => rescueStayCheck(x, p)),
  rescueIdentityDeadlines: rule('rescueIdentityDeadlines',
    z.strictObject({ intakeAt: dateTime, unidentified: z.boolean(), minor: z.boolean(), traffickingSuspected: z.boolean().optional() }),
    (x, p) => rescueIdentityDeadlines(x.intakeAt, x.unidentified, x.minor, p, x.traffickingSuspected ?? false)),
} as const satisfies Record<string, Rule>;

export type RuleName = keyof typeof RULES;

export function isRuleName(name: string): name is RuleName {
  return Object.hasOwn(RULES, name);
}

export * from './procedures.ts';
export * from './same-cause.ts';
