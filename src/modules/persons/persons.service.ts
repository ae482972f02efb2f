// The people registry: one record per person, scoped by where they live. ID numbers and phones
// are encrypted with a blind index; every change is versioned (facts as of a date) and audited.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { householdMembers } from '../households/households.table.ts';
import { AppError, notFound, validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { UNIQUE_VIOLATION, isReferenceViolation, sqlState } from '../../platform/db/pg-error.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { isWithin, levelOf } from '../../lib/division-code.ts';
import { parseIdNumber } from '../../lib/id-number.ts';
import { maskIdNumber, maskPhone } from '../../lib/masking.ts';
import { ageOn } from '../../lib/age.ts';
import { startOfLocalDay, addDays, todayLocal } from '../../lib/local-date.ts';
import { diffChanges, type Actor, type AuditService } from '../audit/audit.service.ts';
import { findJurisdictionName } from '../auth/auth.store.ts';
import * as store from './persons.store.ts';
import { toPersonValues } from './person-values.ts';
import * as history from './history.store.ts';
import { activeCodes } from './vocabulary.store.ts';
import type { Person, PersonPatch as PersonPatchSchema } from './persons.schema.ts';
import type { z } from 'zod';
import type { PersonFields } from './persons.schema.ts';

type Caller = { scope: string };
export type PersonData = z.output<typeof PersonFields>;
const NOT_FOUND = () => notFound('Person', '该人员');

/** Fields whose values the audit log and history views show masked. */
const MASKED_IN_AUDIT: Record<string, (v: string) => string> = { idNumber: maskIdNumber, phone: maskPhone };

export type PersonsService = ReturnType<typeof createPersonsService>;

export function createPersonsService(deps: { db: Db; audit: AuditService; sensitive: SensitiveFields; now?: () => Date }) {
  const { db, audit, sensitive } = deps;
  const now = deps.now ?? (() => new Date());

  function present(row: store.PersonRowWithPlace | (store.PersonRow & { jurisdictionName?: string | null; householdId?: number | null }), today: string = todayLocal(now())): Person {
    return {
      id: row.id,
      name: row.name,
      idNumberMasked: sensitive.masked('id_number', row.idNumberEnc),
      sex: (row.sex as Person['sex']) ?? null,
      birthDate: row.birthDate,
      age: row.birthDate ? ageOn(row.birthDate, today) : null,
      phoneMasked: sensitive.masked('phone', row.phoneEnc),
      hukouCode: row.hukouCode,
      jurisdictionCode: row.jurisdictionCode,
      jurisdictionName: row.jurisdictionName ?? null,
      address: row.address,
      ethnicity: row.ethnicity,
      maritalStatus: row.maritalStatus,
      education: row.education,
      employmentStatus: row.employmentStatus,
      workCapacity: row.workCapacity,
      disabilityCategory: row.disabilityCategory,
      disabilityGrade: row.disabilityGrade,
      seriousIllnesses: row.seriousIllnesses,
      selfCare: (row.selfCare as Person['selfCare']) ?? null,
      deathDate: row.deathDate,
      tags: row.tags,
      contactCardNo: row.contactCardNo,
      householdId: row.householdId ?? null,
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** Checks that need the database or cross fields; returns every problem (import reports use them all). */
  async function problemsOf(caller: Caller, p: Partial<PersonData>, tx: DbOrTx = db): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (p.jurisdictionCode !== undefined) {
      const level = levelOf(p.jurisdictionCode);
      if (level !== 'village' && level !== 'grid') {
        problems.push({ field: 'jurisdictionCode', message: 'must be a village/community (12 digits) or a grid (15 digits)', messageZh: '须为村（社区）12 位或网格 15 位代码' });
      } else if (!isWithin(p.jurisdictionCode, caller.scope)) {
        problems.push({ field: 'jurisdictionCode', message: 'outside your jurisdiction', messageZh: '不在本辖区范围内' });
      } else if (!(await findJurisdictionName(tx, p.jurisdictionCode))) {
        problems.push({ field: 'jurisdictionCode', message: `unknown jurisdiction ${p.jurisdictionCode}`, messageZh: `区划代码 ${p.jurisdictionCode} 不存在` });
      }
    }
    if (p.idNumber) {
      const parsed = parseIdNumber(p.idNumber);
      if (parsed.ok) {
        if (p.sex && p.sex !== parsed.sex) problems.push({ field: 'sex', message: 'does not match the ID number', messageZh: '与身份证号码不符' });
        if (p.birthDate && p.birthDate !== parsed.birthDate) problems.push({ field: 'birthDate', message: 'does not match the ID number', messageZh: '与身份证号码不符' });
      }
    }
    for (const [field, kind] of [['tags', 'tag'], ['seriousIllnesses', 'illness']] as const) {
      const values = p[field];
      if (!values?.length) continue;
      const known = await activeCodes(tx, kind);
      const unknown = values.filter((v) => !known.has(v));
      if (unknown.length) problems.push({ field, message: `unknown: ${unknown.join(', ')}`, messageZh: `未知取值：${unknown.join('、')}` });
    }
    return problems;
  }

  const toValues = (p: Partial<PersonData>) => toPersonValues(sensitive, p);

  /** The audit view of plain input: sensitive values masked. */
  function auditView(p: Partial<PersonData>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(p).map(([k, val]) => [k, typeof val === 'string' && MASKED_IN_AUDIT[k] ? MASKED_IN_AUDIT[k](val) : val]));
  }

  /** The person's plain facts (decrypted) for diffs. */
  function plainOf(row: store.PersonRow): Partial<PersonData> {
    const p = present({ ...row, jurisdictionName: null, householdId: null });
    const { idNumberMasked: _i, phoneMasked: _p, age: _a, id: _id, version: _v, updatedAt: _u, householdId: _h, jurisdictionName: _j, ...rest } = p;
    const out: Record<string, unknown> = { ...rest, idNumber: sensitive.decrypt(row.idNumberEnc), phone: sensitive.decrypt(row.phoneEnc) };
    for (const [k, val] of Object.entries(out)) if (val === null || (Array.isArray(val) && val.length === 0)) delete out[k];
    return out as Partial<PersonData>;
  }

  async function snapshot(tx: DbOrTx, row: store.PersonRow, actor: Actor, reason?: string | null) {
    await history.appendVersion(tx, { entity: 'person', entityId: row.id, version: row.version, validFrom: now(), data: row, actorName: actor.name, reason: reason ?? null });
  }

  /** Records loaded in bulk have no history row yet: keep the version a change replaces. */
  async function keepPrevious(tx: DbOrTx, row: store.PersonRow) {
    const { jurisdictionName: _j, householdId: _h, ...stored } = row as store.PersonRowWithPlace;
    await history.ensureVersion(tx, { entity: 'person', entityId: row.id, version: row.version, validFrom: row.version === 1 ? row.createdAt : row.updatedAt, data: stored, actorName: 'system', reason: '首次变更前的版本 / version before the first recorded change' });
  }

  function duplicateError(existingInScope: boolean, id?: number): AppError {
    return new AppError(
      'already_exists',
      existingInScope ? `A person with this ID number is already registered (id ${id})` : 'A person with this ID number is already registered in another jurisdiction',
      existingInScope ? `该身份证号码已登记（人员编号 ${id}）` : '该身份证号码已在其他辖区登记，请联系对方核实（一人一档）',
      [{ field: 'idNumber', message: 'already registered', messageZh: '已登记' }],
    );
  }

  const service = {
    present,
    problemsOf,

    /** Classify a search term into the key it is searched by. */
    searchTerm(q: string): store.SearchTerm {
      const s = q.trim();
      const id = /^\d{17}[\dXx]$|^\d{15}$/.test(s) ? parseIdNumber(s) : undefined;
      if (id?.ok) return { kind: 'id_index', value: sensitive.index('id_number', id.value) };
      if (/^1[3-9]\d{9}$/.test(s)) return { kind: 'phone_index', value: sensitive.index('phone', s) };
      if (/^\d{3}[\dXx]$/.test(s)) return { kind: 'last4', value: s.toUpperCase() };
      if (/^[A-Za-z]+$/.test(s)) return { kind: 'pinyin', value: s.toLowerCase() };
      return { kind: 'name', value: s };
    },

    async search(caller: Caller, q: { q?: string; tag?: string; under?: string; limit: number; offset: number }) {
      const { items, total, totalCapped } = await store.search(db, {
        scope: caller.scope,
        ...(q.q ? { term: service.searchTerm(q.q) } : {}),
        ...(q.tag ? { tag: q.tag } : {}),
        ...(q.under ? { under: q.under } : {}),
        limit: q.limit,
        offset: q.offset,
      });
      const today = todayLocal(now()); // once per page, not per row
      return { items: items.map((r) => present(r, today)), total, totalCapped };
    },

    async get(caller: Caller, id: number): Promise<Person> {
      const row = await store.findInScope(db, id, caller.scope);
      if (!row) throw NOT_FOUND();
      return present(row);
    },

    async create(caller: Caller, input: PersonData, actor: Actor, tx?: DbOrTx): Promise<Person> {
      const problems = await problemsOf(caller, input, tx ?? db);
      if (problems.length) throw validationFailed(problems);
      const run = async (t: DbOrTx) => {
        const values = toValues(input) as store.PersonValues;
        if (values.idNumberIndex) {
          const existing = await store.findByIdNumberIndex(t, values.idNumberIndex);
          if (existing) throw duplicateError(isWithin(existing.jurisdictionCode, caller.scope), existing.id);
        }
        const row = await store.insert(t, values);
        await snapshot(t, row, actor);
        await audit.record(t, actor, { action: 'create', entity: 'person', entityId: row.id, jurisdictionCode: row.jurisdictionCode, changes: diffChanges(null, auditView(input)) });
        return row;
      };
      try {
        const row = tx ? await run(tx) : await db.transaction(run);
        return present({ ...row, jurisdictionName: await findJurisdictionName(tx ?? db, row.jurisdictionCode), householdId: null });
      } catch (err) {
        if (sqlState(err) === UNIQUE_VIOLATION) throw duplicateError(false);
        throw err;
      }
    },

    async update(caller: Caller, id: number, patch: z.output<typeof PersonPatchSchema>, actor: Actor): Promise<Person> {
      const { reason, ...changes } = patch;
      const problems = await problemsOf(caller, changes as Partial<PersonData>);
      if (problems.length) throw validationFailed(problems);
      try {
        await db.transaction(async (tx) => {
          const before = await store.findInScope(tx, id, caller.scope, true);
          if (!before) throw NOT_FOUND();
          const merged = { ...plainOf(before), ...changes } as Partial<PersonData>;
          const disabilityBoth = (merged.disabilityCategory === undefined || merged.disabilityCategory === null) === (merged.disabilityGrade === undefined || merged.disabilityGrade === null);
          if (!disabilityBoth) throw validationFailed([{ field: 'disabilityGrade', message: 'disability category and grade go together', messageZh: '残疾类别与等级须同时填写' }]);
          const diff = diffChanges(auditView(plainOf(before)), auditView(merged));
          if (Object.keys(diff).length === 0) return;
          const values = toValues(changes as Partial<PersonData>);
          if (values.idNumberIndex && values.idNumberIndex !== before.idNumberIndex) {
            const existing = await store.findByIdNumberIndex(tx, values.idNumberIndex);
            if (existing && existing.id !== id) throw duplicateError(isWithin(existing.jurisdictionCode, caller.scope), existing.id);
          }
          await keepPrevious(tx, before);
          const row = await store.update(tx, id, values);
          await snapshot(tx, row, actor, reason);
          await audit.record(tx, actor, { action: 'update', entity: 'person', entityId: id, jurisdictionCode: row.jurisdictionCode, changes: diff, reason: reason ?? null });
        });
      } catch (err) {
        if (sqlState(err) === UNIQUE_VIOLATION) throw duplicateError(false);
        if (isReferenceViolation(err)) throw validationFailed([{ field: 'jurisdictionCode', message: 'unknown jurisdiction', messageZh: '区划不存在' }]);
        throw err;
      }
      return service.get(caller, id);
    },

    async reveal(caller: Caller, id: number, field: 'idNumber' | 'phone', reason: string, actor: Actor) {
      return db.transaction(async (tx) => {
        const row = await store.findInScope(tx, id, caller.scope);
        if (!row) throw NOT_FOUND();
        await audit.record(tx, actor, { action: 'reveal', entity: 'person', entityId: id, jurisdictionCode: row.jurisdictionCode, changes: { [field]: { before: null, after: '(revealed)' } }, reason });
        return { field, value: sensitive.decrypt(field === 'idNumber' ? row.idNumberEnc : row.phoneEnc) };
      });
    },

    /** The person as registered at the end of a local day (404 if not registered yet, or out of scope now). */
    async asOf(caller: Caller, id: number, date: string): Promise<Person> {
      const current = await store.findInScope(db, id, caller.scope);
      if (!current) throw NOT_FOUND();
      const end = startOfLocalDay(addDays(date, 1));
      const version = await history.versionAt(db, 'person', id, end);
      // Never changed since it was registered (bulk-loaded records have no history row): the current row.
      if (!version && current.version === 1 && current.createdAt < end) return present(current);
      if (!version) throw new AppError('not_found', `Person ${id} was not registered on ${date}`, `${date} 时尚未登记该人员`);
      const data = version.data as store.PersonRow & { updatedAt: string; createdAt: string };
      return present({ ...data, updatedAt: new Date(data.updatedAt), createdAt: new Date(data.createdAt), jurisdictionName: null, householdId: null });
    },

    async history(caller: Caller, id: number) {
      await service.get(caller, id);
      return (await history.versions(db, 'person', id)).map((v) => ({ version: v.version, validFrom: v.validFrom.toISOString(), actorName: v.actorName, reason: v.reason }));
    },

    async duplicates(caller: Caller, limit = 200) {
      return store.likelyDuplicates(db, caller.scope, limit);
    },

    /** Merge `sourceId` into `targetId`: the source stays (marked merged) with its history; memberships move. */
    async merge(caller: Caller, sourceId: number, targetId: number, reason: string, actor: Actor): Promise<Person> {
      if (sourceId === targetId) throw validationFailed([{ field: 'intoId', message: 'cannot merge a person into themselves', messageZh: '不能与自身合并' }]);
      await db.transaction(async (tx) => {
        const source = await store.findInScope(tx, sourceId, caller.scope, true);
        const target = await store.findInScope(tx, targetId, caller.scope, true);
        if (!source || !target || source.mergedInto || target.mergedInto) throw NOT_FOUND();
        // Fill the target's gaps from the source; the target's own facts win.
        const fill: Partial<store.PersonValues> = {};
        for (const [k, val] of Object.entries(source) as [keyof store.PersonRow, unknown][]) {
          if (['id', 'version', 'createdAt', 'updatedAt', 'mergedInto', 'jurisdictionName', 'householdId'].includes(k)) continue;
          const current = (target as Record<string, unknown>)[k];
          if ((current === null || (Array.isArray(current) && current.length === 0)) && val !== null) (fill as Record<string, unknown>)[k] = val;
        }
        if (fill.idNumberIndex) await store.update(tx, sourceId, { idNumberIndex: null });
        await keepPrevious(tx, source);
        await keepPrevious(tx, target);
        const updatedTarget = await store.update(tx, targetId, fill);
        const updatedSource = await store.update(tx, sourceId, { mergedInto: targetId, idNumberIndex: null });
        await moveMemberships(tx, sourceId, targetId, target.householdId !== null);
        await snapshot(tx, updatedTarget, actor, reason);
        await snapshot(tx, updatedSource, actor, reason);
        await audit.record(tx, actor, { action: 'merge', entity: 'person', entityId: sourceId, jurisdictionCode: source.jurisdictionCode, changes: { mergedInto: { before: null, after: targetId } }, reason });
      });
      return service.get(caller, targetId);
    },
  };
  return service;
}

/** Memberships of a merged person move to the person kept (unless they already have a household). */
async function moveMemberships(tx: DbOrTx, sourceId: number, targetId: number, targetHasHousehold: boolean): Promise<void> {
  if (targetHasHousehold) {
    await tx.update(householdMembers).set({ leftAt: todayLocal() }).where(and(eq(householdMembers.personId, sourceId), isNull(householdMembers.leftAt)));
  } else {
    await tx.update(householdMembers).set({ personId: targetId }).where(and(eq(householdMembers.personId, sourceId), isNull(householdMembers.leftAt)));
  }
}
