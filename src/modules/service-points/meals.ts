// 幸福食堂 meal subsidies: a subsidised meal for a registered person (80+, 低保, 特困) at a canteen,
// the subsidy in 分 from the dated policy parameter in force at the canteen's place on the day,
// one per person and day; and the canteen's monthly settlement to its operator, once per month,
// every meal in exactly one settlement. (Handing the settlement to the payments ledger is the
// next step: today it is recorded here.)
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { conflict, fieldProblem, notFound, validationFailed } from '../../platform/errors.ts';
import { sqlState, UNIQUE_VIOLATION } from '../../platform/db/pg-error.ts';
import type { Actor, AuditRecorder } from '../audit/audit.service.ts';
import type { ParameterIndex } from '../policy/engine/parameters.ts';
import * as store from './service-points.store.ts';
import * as mealStore from './meals.store.ts';

export const MEAL_CATEGORIES = ['age80', 'dibao', 'tekun'] as const;
export type MealCategory = (typeof MEAL_CATEGORIES)[number];
type Caller = { id: number | null; scope: string; kind?: 'user' | 'token' };
type Deps = { db: Db; audit: AuditRecorder; now: () => Date; parameters: () => Promise<ParameterIndex> };

const localToday = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const CANTEEN_NOT_FOUND = () => notFound('Service point', '该服务阵地');
const alreadyClaimed = (servedOn: string) => validationFailed([fieldProblem('servedOn', `a meal subsidy was already claimed for this person on ${servedOn}`, `该人员 ${servedOn} 已享受过助餐补贴`)]);

async function canteen(db: DbOrTx, caller: Caller, pointId: number, lock = false) {
  const point = await store.pointInScope(db, pointId, caller.scope, lock);
  if (!point) throw CANTEEN_NOT_FOUND();
  if (point.typeCode !== 'happiness_canteen' && !point.services.includes('meal_service')) {
    throw validationFailed([fieldProblem('id', 'this point serves no subsidised meals (not a 幸福食堂, no 助餐 service)', '该服务阵地不提供助餐服务')]);
  }
  return point;
}

export function mealService(deps: Deps) {
  const { db } = deps;
  const present = (m: mealStore.MealRow) => ({ id: m.id, personId: m.personId, servedOn: m.servedOn, category: m.category as MealCategory, subsidyFen: m.subsidyFen, settlementId: m.settlementId });
  return {
    async record(caller: Caller, pointId: number, body: { personId: number; servedOn: string; category: MealCategory }, actor: Actor) {
      if (body.servedOn > localToday(deps.now())) throw validationFailed([fieldProblem('servedOn', 'must not be in the future', '不能晚于今天')]);
      const point = await canteen(db, caller, pointId);
      if (!(await store.personInScope(db, body.personId, caller.scope))) throw validationFailed([fieldProblem('personId', 'not a registered person in your jurisdiction', '不是本辖区登记在册的人员')]);
      const key = `meal.subsidy.${body.category}_fen` as const;
      const rate = (await deps.parameters()).resolve(point.jurisdictionCode, body.servedOn).values[key];
      if (rate === undefined) throw validationFailed([fieldProblem('category', `no subsidy rate (${key}) in force here on ${body.servedOn}`, `${body.servedOn} 当地未设该类助餐补贴标准（${key}）`)]);
      try {
        return present(await db.transaction(async (tx) => {
          if (await mealStore.mealOn(tx, body.personId, body.servedOn)) throw alreadyClaimed(body.servedOn);
          // A settled month is closed: a late meal would never be paid, or be paid twice.
          if (await mealStore.settlementOf(tx, pointId, body.servedOn.slice(0, 7))) throw validationFailed([fieldProblem('servedOn', `${body.servedOn.slice(0, 7)} is already settled for this canteen`, `该食堂 ${body.servedOn.slice(0, 7)} 已结算，不能补录`)]);
          const row = await mealStore.insertMeal(tx, { pointId, personId: body.personId, servedOn: body.servedOn, category: body.category, subsidyFen: rate as number, recordedBy: caller.kind === 'token' ? null : caller.id });
          await deps.audit.record(tx, actor, { action: 'service_point.meal', entity: 'service_point', entityId: pointId, jurisdictionCode: point.jurisdictionCode, changes: { meal: { before: null, after: { personId: body.personId, servedOn: body.servedOn, category: body.category, subsidyFen: rate } } } });
          return row;
        }));
      } catch (err) {
        // Two canteens recording the same person and day at once: the unique index decides.
        if (sqlState(err) === UNIQUE_VIOLATION) throw alreadyClaimed(body.servedOn);
        throw err;
      }
    },

    async month(caller: Caller, pointId: number, asked: string | undefined) {
      await canteen(db, caller, pointId);
      const month = asked ?? localToday(deps.now()).slice(0, 7);
      const rows = await mealStore.mealsOfMonth(db, pointId, month);
      const settlement = await mealStore.settlementOf(db, pointId, month);
      return { month, meals: rows.map(present), totalFen: rows.reduce((n, m) => n + m.subsidyFen, 0), settlement: settlement ? { id: settlement.id, meals: settlement.meals, totalFen: settlement.totalFen, operatorId: settlement.operatorId, createdAt: settlement.createdAt.toISOString() } : null };
    },

    /** Settle a finished month once: its meals' subsidies, to the canteen's operator. */
    async settle(caller: Caller, pointId: number, month: string, actor: Actor) {
      if (month >= localToday(deps.now()).slice(0, 7)) throw validationFailed([fieldProblem('month', 'only a month that has ended can be settled', '只能结算已结束的月份')]);
      const row = await db.transaction(async (tx) => {
        const point = await canteen(tx, caller, pointId, true);
        if (await mealStore.settlementOf(tx, pointId, month)) throw conflict(`${month} is already settled for this canteen`, `该食堂 ${month} 已结算`);
        const s = await mealStore.settle(tx, { pointId, operatorId: point.operatorId, month, createdBy: caller.kind === 'token' ? null : caller.id, at: deps.now() });
        await deps.audit.record(tx, actor, { action: 'service_point.meal_settlement', entity: 'service_point', entityId: pointId, jurisdictionCode: point.jurisdictionCode, changes: { settlement: { before: null, after: { month, meals: s.meals, totalFen: s.totalFen, operatorId: s.operatorId } } } });
        return s;
      });
      return { id: row.id, month, meals: row.meals, totalFen: row.totalFen, operatorId: row.operatorId, createdAt: row.createdAt.toISOString() };
    },
  };
}
