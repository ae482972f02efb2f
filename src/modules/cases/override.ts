// Approving against the policy engine. The engine's decision attached at 审核 is advice, not a
// lock: staff know things the registry does not. But approving a case the engine found 不符合, or
// for more than the engine's amount, is a decision of its own: it needs a written reason, is kept
// on the case with what the engine said, shows in the timeline and in the county's overrides report.
import type { DecisionView } from '../policy/policy.schema.ts';
import { formatYuan } from '../policy/engine/money.ts';

export type OverrideKind = 'ineligible' | 'above_engine';

/** What is kept on the case (`assistance_cases.override`). */
export type Override = {
  kind: OverrideKind;
  reason: string;
  engineStatus: DecisionView['status'];
  engineFen: number | null;
  approvedFen: number;
  decidedAsOf: string | null;
};

/** Does approving `amountFen` go against the engine's decision? Null when it does not (or there is none). */
export function overrideOf(decision: Pick<DecisionView, 'status' | 'amountFen'> | null, amountFen: number): { kind: OverrideKind; zh: string; en: string } | null {
  if (!decision) return null;
  if (decision.status === 'ineligible') return { kind: 'ineligible', zh: '政策引擎判定“不符合”', en: 'the policy engine found the case ineligible' };
  if (decision.status === 'eligible' && decision.amountFen !== null && amountFen > decision.amountFen) {
    return {
      kind: 'above_engine',
      zh: `批准金额 ${formatYuan(amountFen)} 元高于政策引擎核算的 ${formatYuan(decision.amountFen)} 元`,
      en: `the amount approved, ¥${formatYuan(amountFen)}, is above the engine's ¥${formatYuan(decision.amountFen)}`,
    };
  }
  return null;
}
