// Routing: the rule for a category at a place names a level, role and department; the handler is
// the least-loaded user with that role at that level (a grid's grid worker). Without one, the
// request waits in that level's queue — never nowhere — and escalation moves it up if nobody acts.
import type { DbOrTx } from '../../platform/db/client.ts';
import * as categories from './categories.store.ts';
import { handlerCodeFor, pickRule, type Rule } from './flow.ts';
import * as store from './requests.store.ts';
import type { HandlerLevel } from './requests.schema.ts';

export type Routed = { rule: Rule; handlerCode: string; handlerRole: string | null; department: string | null; assignee: { id: number; displayName: string } | null };

export async function route(db: DbOrTx, place: string, categoryCode: string): Promise<Routed> {
  const rules = (await categories.rulesFor(db, place)).map((r): Rule => ({ ...r, handlerLevel: r.handlerLevel as HandlerLevel }));
  const rule = pickRule(rules, categoryCode, place);
  const handlerCode = handlerCodeFor(place, rule.handlerLevel);
  const [user] = rule.handlerRole ? await store.usersWithRoleAt(db, rule.handlerRole, handlerCode) : [];
  return { rule, handlerCode, handlerRole: rule.handlerRole, department: rule.department, assignee: user ? { id: user.id, displayName: user.displayName } : null };
}

/** The timeline's record of a routing decision. */
export function routeData(routed: Routed, handlerName: string | null) {
  return {
    ruleId: routed.rule.id,
    handlerCode: routed.handlerCode,
    handlerName,
    handlerRole: routed.handlerRole,
    department: routed.department,
    assigneeUserId: routed.assignee?.id ?? null,
    assigneeName: routed.assignee?.displayName ?? null,
  };
}
