// Rules of the jurisdiction tree. Callers see and change only their own subtree (scope prefix);
// a node outside it answers "not found", never "forbidden", so codes of other areas do not leak.
import type { Db } from '../../platform/db/client.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { UNIQUE_VIOLATION, isReferenceViolation, sqlState } from '../../platform/db/pg-error.ts';
import { ancestorCodes, fullDivisionCode, isWithin, levelOf, parentCode, type Level } from '../../lib/division-code.ts';
import * as store from './jurisdictions.store.ts';
import type { Jurisdiction, JurisdictionWithPath } from './jurisdictions.schema.ts';

export type Caller = { scope: string };

export function present(row: store.JurisdictionRow): Jurisdiction {
  return {
    code: row.code,
    divisionCode: fullDivisionCode(row.code),
    name: row.name,
    level: row.level as Level,
    parentCode: row.parentCode,
    childCount: row.childCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const NOT_FOUND = () => notFound('Jurisdiction', '该区划');

export type JurisdictionsService = ReturnType<typeof createJurisdictionsService>;

export function createJurisdictionsService(deps: { db: Db; audit: AuditService }) {
  const { db, audit } = deps;

  async function getVisible(caller: Caller, code: string): Promise<store.JurisdictionRow> {
    const row = await store.findInScope(db, code, caller.scope);
    if (!row) throw NOT_FOUND();
    return row;
  }

  return {
    async list(
      caller: Caller,
      q: { parent?: string; under?: string; level?: Level; q?: string; limit: number; offset: number },
    ) {
      const browsingRoots = q.parent === undefined && q.under === undefined && !q.q && !q.level;
      const filter: store.ListFilter = {
        scope: caller.scope,
        ...(q.parent !== undefined ? { parent: q.parent } : {}),
        ...(q.under !== undefined ? { under: q.under } : {}),
        ...(q.level ? { level: q.level } : {}),
        ...(q.q ? { nameContains: q.q } : {}),
        limit: q.limit,
        offset: q.offset,
      };
      // With no filter, list the tops of what the caller may see: provinces for a system-wide
      // user, otherwise the caller's own node.
      if (browsingRoots) {
        if (caller.scope === '') filter.rootsOnly = true;
        else {
          const own = await store.findInScope(db, caller.scope, caller.scope);
          return { items: own ? [present(own)] : [], total: own ? 1 : 0 };
        }
      }
      const { items, total } = await store.list(db, filter);
      return { items: items.map(present), total };
    },

    async get(caller: Caller, code: string): Promise<JurisdictionWithPath> {
      const row = await getVisible(caller, code);
      const path = await store.namesOf(db, ancestorCodes(code));
      return { ...present(row), path: path.map((p) => ({ ...p, level: p.level as Level })) };
    },

    async create(caller: Caller, input: { code: string; name: string }, actor: Actor): Promise<Jurisdiction> {
      const level = levelOf(input.code)!;
      if (!isWithin(input.code, caller.scope) || input.code === caller.scope) {
        throw new AppError(
          'forbidden',
          'You can only add places inside your own jurisdiction',
          '只能在本辖区范围内新增下级区划',
        );
      }
      const parent = parentCode(input.code) ?? null;
      if (parent !== null && !(await store.exists(db, parent))) {
        throw new AppError(
          'validation_failed',
          `Parent ${parent} does not exist; create it first`,
          `上级区划 ${parent} 不存在，请先创建`,
          [{ field: 'code', message: `parent ${parent} does not exist`, messageZh: `上级区划 ${parent} 不存在` }],
        );
      }
      try {
        await db.transaction(async (tx) => {
          await store.insert(tx, { code: input.code, name: input.name, level, parentCode: parent });
          await audit.record(tx, actor, {
            action: 'create',
            entity: 'jurisdiction',
            entityId: input.code,
            jurisdictionCode: input.code,
            changes: { name: { before: null, after: input.name } },
          });
        });
      } catch (err) {
        if (sqlState(err) === UNIQUE_VIOLATION) {
          throw new AppError('already_exists', `Code ${input.code} already exists`, `区划代码 ${input.code} 已存在`, [
            { field: 'code', message: 'already exists', messageZh: '已存在' },
          ]);
        }
        if (isReferenceViolation(err)) throw NOT_FOUND();
        throw err;
      }
      return present((await store.findInScope(db, input.code, caller.scope))!);
    },

    async rename(caller: Caller, code: string, name: string, actor: Actor): Promise<Jurisdiction> {
      const before = await getVisible(caller, code);
      await db.transaction(async (tx) => {
        await store.rename(tx, code, name);
        await audit.record(tx, actor, {
          action: 'update',
          entity: 'jurisdiction',
          entityId: code,
          jurisdictionCode: code,
          changes: before.name === name ? null : { name: { before: before.name, after: name } },
        });
      });
      return present(await getVisible(caller, code));
    },

    async remove(caller: Caller, code: string, actor: Actor): Promise<void> {
      const row = await getVisible(caller, code);
      if (code === caller.scope) {
        throw new AppError('forbidden', 'You cannot delete your own jurisdiction', '不能删除本人所属辖区');
      }
      if (row.childCount > 0) {
        throw new AppError(
          'has_children',
          `${row.name} has ${row.childCount} sub-divisions; delete or move them first`,
          `${row.name} 下有 ${row.childCount} 个下级区划，请先删除或调整`,
        );
      }
      try {
        await db.transaction(async (tx) => {
          await store.remove(tx, code);
          await audit.record(tx, actor, {
            action: 'delete',
            entity: 'jurisdiction',
            entityId: code,
            jurisdictionCode: code,
            changes: { name: { before: row.name, after: null } },
          });
        });
      } catch (err) {
        if (isReferenceViolation(err)) {
          throw new AppError('conflict', `${row.name} is still in use (users or records belong to it)`, `${row.name} 仍被使用（有用户或记录归属于它）`);
        }
        throw err;
      }
    },

    async countByLevel(caller: Caller, under?: string) {
      // `under` may narrow the scope or name one of its ancestors; another area is "not found".
      if (under !== undefined && !isWithin(under, caller.scope) && !isWithin(caller.scope, under)) throw NOT_FOUND();
      return store.countByLevel(db, caller.scope, under);
    },
  };
}
