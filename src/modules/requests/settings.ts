// Categories with their time limits (administrators of the whole system: one list for every
// area) and routing rules (administrators and county approvers, for places inside their area;
// a rule for everywhere only by an administrator of the whole system). Every change is audited.
import { isWithin } from '../../lib/division-code.ts';
import { isSystemAdmin, onlySystemAdmin } from '../../platform/authz.ts';
import { notFound, validationFailed } from '../../platform/errors.ts';
import type { Actor } from '../audit/audit.service.ts';
import { diffChanges } from '../audit/audit.service.ts';
import * as categories from './categories.store.ts';
import type { Caller, Ctx } from './context.ts';
import { DEFAULT_RULE } from './flow.ts';
import * as store from './requests.store.ts';
import type { Category, CategoryBody, RoutingRule, RoutingRuleBody } from './requests.schema.ts';

const present = (c: categories.CategoryRow): Category => ({
  code: c.code,
  nameZh: c.nameZh,
  nameEn: c.nameEn,
  descriptionZh: c.descriptionZh,
  responseHours: c.responseHours,
  resolutionHours: c.resolutionHours,
  active: c.active,
  sortOrder: c.sortOrder,
});

export async function listCategories(ctx: Ctx, activeOnly = false): Promise<Category[]> {
  await ctx.ready();
  return (await categories.listCategories(ctx.db, activeOnly)).map(present);
}

/** Create or change a category; new limits apply to requests registered from now on. */
export async function saveCategory(ctx: Ctx, caller: Caller, code: string, body: CategoryBody, actor: Actor): Promise<Category> {
  if (!isSystemAdmin(caller)) throw onlySystemAdmin('set categories and time limits', '设置诉求类别与办理时限');
  await ctx.ready();
  const saved = await ctx.db.transaction(async (tx) => {
    const { before, after } = await categories.upsertCategory(tx, { code, ...body, descriptionZh: body.descriptionZh ?? null }, ctx.now());
    const changes = diffChanges(before ? present(before) : null, present(after));
    await ctx.audit.record(tx, actor, { action: before ? 'update' : 'create', entity: 'request_category', entityId: code, changes });
    return present(after);
  });
  ctx.forgetCategories(); // committed: the next intake reads the new time limits
  return saved;
}

const presentRule = (r: categories.RouteRow): RoutingRule => ({
  id: r.id,
  categoryCode: r.categoryCode,
  jurisdictionCode: r.jurisdictionCode,
  jurisdictionName: r.jurisdictionName,
  handlerLevel: r.handlerLevel as RoutingRule['handlerLevel'],
  handlerRole: r.handlerRole,
  department: r.department,
  updatedBy: r.updatedBy,
  updatedAt: r.updatedAt.toISOString(),
});

export async function listRules(ctx: Ctx, caller: Caller) {
  const rules = await categories.listRules(ctx.db, caller.scope);
  return { items: rules.map(presentRule), defaultRule: { handlerLevel: DEFAULT_RULE.handlerLevel, handlerRole: DEFAULT_RULE.handlerRole!, department: DEFAULT_RULE.department } };
}

export async function saveRule(ctx: Ctx, caller: Caller, body: RoutingRuleBody, actor: Actor): Promise<RoutingRule> {
  await ctx.ready();
  if (body.jurisdictionCode === null && !isSystemAdmin(caller)) throw onlySystemAdmin('set a routing rule for everywhere', '设置适用于全部地区的分派规则');
  const problems = [];
  if (body.jurisdictionCode !== null && (!isWithin(body.jurisdictionCode, caller.scope) || !(await store.placeExists(ctx.db, body.jurisdictionCode)))) {
    problems.push({ field: 'jurisdictionCode', message: 'must be a place inside your jurisdiction', messageZh: '须为本辖区内的区划' });
  }
  if (body.categoryCode !== null && !(await categories.findCategory(ctx.db, body.categoryCode))) {
    problems.push({ field: 'categoryCode', message: `unknown category ${body.categoryCode}`, messageZh: `诉求类别不存在：${body.categoryCode}` });
  }
  if (problems.length) throw validationFailed(problems);
  return ctx.db.transaction(async (tx) => {
    const id = await categories.upsertRule(tx, { ...body, updatedBy: actor.name }, ctx.now());
    await ctx.audit.record(tx, actor, { action: 'save', entity: 'request_route', entityId: id, jurisdictionCode: body.jurisdictionCode, changes: { rule: { before: null, after: body } } });
    return presentRule((await categories.findRuleInScope(tx, id, ''))!);
  });
}

export async function deleteRule(ctx: Ctx, caller: Caller, id: number, actor: Actor): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const rule = await categories.findRuleInScope(tx, id, caller.scope);
    if (!rule) throw notFound('Routing rule', '该分派规则');
    if (rule.jurisdictionCode === null && !isSystemAdmin(caller)) throw onlySystemAdmin('remove a routing rule for everywhere', '删除适用于全部地区的分派规则');
    await categories.deleteRule(tx, id);
    await ctx.audit.record(tx, actor, { action: 'delete', entity: 'request_route', entityId: id, jurisdictionCode: rule.jurisdictionCode, changes: { rule: { before: presentRule(rule), after: null } } });
  });
}
