// Registry facts about a person that decide programs (see facts.table.ts): record, revise (retire
// and record anew), remove (retire) and list as of a day. Every change is checked against the
// person (dates against their birth, a supporter who is the person themself, circular relations),
// scoped through the person's jurisdiction, and audited on the person's trail.
import { and, desc, eq, gt, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { notFound, validationFailed, type FieldProblem } from '../../platform/errors.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { parseIdNumber } from '../../lib/id-number.ts';
import { maskIdNumber } from '../../lib/masking.ts';
import { addDays, startOfLocalDay, todayLocal } from '../../lib/local-date.ts';
import { diffChanges, type Actor, type AuditService } from '../audit/audit.service.ts';
import * as store from './persons.store.ts';
import { personJobEvents, personParentSituations, personSupporters, personUnemployment } from './facts.table.ts';
import { DURATION_SITUATIONS, type JobEventInput, type ParentSituationInput, type SupporterInput, type UnemploymentInput } from './facts.schema.ts';
import type { z } from 'zod';
import type { JobEventInput as JobEventSchema, ParentSituationInput as ParentSchema, SupporterInput as SupporterSchema, UnemploymentInput as UnemploymentSchema } from './facts.schema.ts';

type Caller = { scope: string };
type PersonRow = store.PersonRowWithPlace;
export type FactKind = 'supporters' | 'parent-situations' | 'unemployment' | 'job-events';

type Inputs = {
  supporters: z.output<typeof SupporterSchema>;
  'parent-situations': z.output<typeof ParentSchema>;
  unemployment: z.output<typeof UnemploymentSchema>;
  'job-events': z.output<typeof JobEventSchema>;
};
// Input types re-exported for callers that build facts (imports, tests).
export type { JobEventInput, ParentSituationInput, SupporterInput, UnemploymentInput };

const TABLES = {
  supporters: personSupporters,
  'parent-situations': personParentSituations,
  unemployment: personUnemployment,
  'job-events': personJobEvents,
} as const;
const LABELS: Record<FactKind, string> = { supporters: '法定义务人', 'parent-situations': '父母情况', unemployment: '失业保险情况', 'job-events': '就业推荐与就业' };

/** What the supporter is to the person → what the person is to the supporter. */
const INVERSE: Record<string, string> = { spouse: 'spouse', child: 'parent', parent: 'child', grandchild: 'grandparent', grandparent: 'grandchild', sibling: 'sibling' };

const problem = (field: string, message: string, messageZh: string): FieldProblem => ({ field, message, messageZh });

type AnyRow = Record<string, unknown> & { id: number; personId: number; recordedAt: Date; retiredAt: Date | null };
type Table = PgTable & { id: PgColumn; personId: PgColumn; recordedAt: PgColumn; retiredAt: PgColumn };

export type PersonFactsService = ReturnType<typeof createPersonFactsService>;

export function createPersonFactsService(deps: { db: Db; audit: AuditService; sensitive: SensitiveFields; now?: () => Date }) {
  const { db, audit, sensitive } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => todayLocal(now());

  function present(kind: FactKind, row: AnyRow): Record<string, unknown> {
    const { recordedAt, retiredAt, idNumberEnc, idNumberIndex: _i, idLast4: _l, ...rest } = row as AnyRow & { idNumberEnc?: string | null; idNumberIndex?: unknown; idLast4?: unknown };
    const out: Record<string, unknown> = { ...rest, recordedAt: recordedAt.toISOString(), retiredAt: retiredAt ? retiredAt.toISOString() : null };
    if (kind === 'supporters') out['idNumberMasked'] = sensitive.masked('id_number', idNumberEnc ?? null);
    return out;
  }

  /** The stored values of an input (sealed ID number, nulls for what is not given). */
  function values(kind: FactKind, input: Inputs[FactKind]): Record<string, unknown> {
    const { reason: _r, source: _s, ...v } = input as Record<string, unknown>;
    if (kind === 'supporters') {
      const s = input as Inputs['supporters'];
      const parsed = s.idNumber ? parseIdNumber(s.idNumber) : undefined;
      delete v['idNumber'];
      if (parsed?.ok) {
        Object.assign(v, { idNumberEnc: sensitive.encrypt(parsed.value), idNumberIndex: sensitive.index('id_number', parsed.value), idLast4: parsed.value.slice(-4) });
        v['birthDate'] ??= parsed.birthDate;
      }
    }
    return v;
  }

  /** The audit view: the ID number masked. */
  function auditView(input: Record<string, unknown>): Record<string, unknown> {
    const out = { ...input };
    delete out['reason'];
    if (typeof out['idNumber'] === 'string') out['idNumber'] = maskIdNumber(out['idNumber']);
    return out;
  }

  const future = (date: string | undefined | null) => date !== undefined && date !== null && date > today();
  const beforeBirth = (date: string | undefined | null, birth: string | null) => date !== undefined && date !== null && birth !== null && date < birth;

  async function checkSupporter(tx: DbOrTx, caller: Caller, person: PersonRow, s: Inputs['supporters'], replacing: number | null): Promise<FieldProblem[]> {
    const out: FieldProblem[] = [];
    let birth = s.birthDate ?? null;
    // 'none' (no legal supporter) and recorded supporters exclude each other.
    const others = await tx.select({ id: personSupporters.id, relation: personSupporters.relation }).from(personSupporters)
      .where(and(eq(personSupporters.personId, person.id), isNull(personSupporters.retiredAt)));
    const current = others.filter((r) => r.id !== replacing);
    if (s.relation === 'none') {
      if (current.length > 0) out.push(problem('relation', 'supporters are recorded: remove them before recording that there is none', '已登记法定义务人，须先删除后才能登记“无法定义务人”'));
      return out;
    }
    if (current.some((r) => r.relation === 'none')) out.push(problem('relation', 'recorded as having no legal supporter: remove that record first', '已登记为“无法定义务人”，请先删除该记录'));
    if (s.supporterPersonId === undefined && !s.name) out.push(problem('name', 'name the supporter, or link a registry person (supporterPersonId)', '请填写义务人姓名，或关联已登记人员'));
    if (s.supporterPersonId === person.id) out.push(problem('supporterPersonId', 'a supporter cannot be the person themself', '法定义务人不能是本人'));
    if (s.idNumber) {
      const parsed = parseIdNumber(s.idNumber);
      if (parsed.ok && person.idNumberIndex && sensitive.index('id_number', parsed.value) === person.idNumberIndex) out.push(problem('idNumber', 'a supporter cannot be the person themself', '法定义务人不能是本人（身份证号码相同）'));
      if (parsed.ok) {
        if (s.birthDate && s.birthDate !== parsed.birthDate) out.push(problem('birthDate', 'does not match the ID number', '与身份证号码不符'));
        birth ??= parsed.birthDate;
      }
    }
    if ((s.disabilityCategory === undefined) !== (s.disabilityGrade === undefined)) out.push(problem('disabilityGrade', 'disability category and grade go together', '残疾类别与等级须同时填写'));
    if (s.supporterPersonId !== undefined && s.supporterPersonId !== person.id) {
      const linked = await store.findInScope(tx, s.supporterPersonId, caller.scope);
      if (!linked) out.push(problem('supporterPersonId', 'no such person in your jurisdiction', '本辖区内无此人员'));
      else {
        birth = linked.birthDate ?? birth;
        // Circular: the linked person already has this person as a supporter in a relation that contradicts this one.
        const reverse = await tx.select({ id: personSupporters.id, relation: personSupporters.relation }).from(personSupporters)
          .where(and(eq(personSupporters.personId, linked.id), eq(personSupporters.supporterPersonId, person.id), isNull(personSupporters.retiredAt)));
        for (const r of reverse) {
          const expected = INVERSE[s.relation];
          if (expected !== undefined && r.relation !== 'other' && r.relation !== expected) {
            out.push(problem('relation', `circular relation: ${linked.name} already has this person as their ${r.relation}`, `关系矛盾：${linked.name}的法定义务人中已登记本人为其${RELATION_ZH[r.relation] ?? r.relation}`));
          }
        }
        const twice = await tx.select({ id: personSupporters.id }).from(personSupporters)
          .where(and(eq(personSupporters.personId, person.id), eq(personSupporters.supporterPersonId, linked.id), isNull(personSupporters.retiredAt)));
        if (twice.some((r) => r.id !== replacing)) out.push(problem('supporterPersonId', 'already recorded as a supporter of this person', '已登记为本人的法定义务人'));
      }
    }
    if (future(birth)) out.push(problem('birthDate', 'lies in the future', '不能晚于今天'));
    // A child or grandchild is younger than the person, a parent or grandparent older.
    if (birth && person.birthDate) {
      if ((s.relation === 'child' || s.relation === 'grandchild') && birth <= person.birthDate) out.push(problem('birthDate', `a ${s.relation} cannot be born before the person (${person.birthDate})`, `子女（孙子女）的出生日期不能早于本人（${person.birthDate}）`));
      if ((s.relation === 'parent' || s.relation === 'grandparent') && birth >= person.birthDate) out.push(problem('birthDate', `a ${s.relation} cannot be born after the person (${person.birthDate})`, `父母（祖父母）的出生日期不能晚于本人（${person.birthDate}）`));
    }
    s.situations.forEach((x, i) => {
      if (future(x.since)) out.push(problem(`situations.${i}.since`, 'lies in the future', '不能晚于今天'));
      if (beforeBirth(x.since, birth)) out.push(problem(`situations.${i}.since`, 'before the supporter was born', '早于义务人出生日期'));
      if (x.until && x.until < x.since) out.push(problem(`situations.${i}.until`, 'before the start', '早于开始日期'));
    });
    return out;
  }

  async function checkParent(tx: DbOrTx, caller: Caller, person: PersonRow, p: Inputs['parent-situations']): Promise<FieldProblem[]> {
    const out: FieldProblem[] = [];
    if (p.parentPersonId === person.id) out.push(problem('parentPersonId', 'a parent cannot be the child themself', '父母不能是儿童本人'));
    else if (p.parentPersonId !== undefined) {
      const linked = await store.findInScope(tx, p.parentPersonId, caller.scope);
      if (!linked) out.push(problem('parentPersonId', 'no such person in your jurisdiction', '本辖区内无此人员'));
      else if (linked.birthDate && person.birthDate && linked.birthDate >= person.birthDate) out.push(problem('parentPersonId', 'a parent cannot be born after the child', '父母的出生日期不能晚于儿童'));
    }
    if ((DURATION_SITUATIONS as readonly string[]).includes(p.situation) && !p.beganOn) out.push(problem('beganOn', 'required: the duration decides (失联, detention)', '须填写开始日期（失联、服刑等按持续时间认定）'));
    if (future(p.beganOn)) out.push(problem('beganOn', 'lies in the future', '不能晚于今天'));
    // A situation that began after the child's 18th birthday is possible (it no longer matters);
    // before the child was born it is not — except a father's death (a posthumous child).
    if (beforeBirth(p.beganOn, person.birthDate) && p.situation !== 'dead') out.push(problem('beganOn', `before the child was born (${person.birthDate})`, `早于儿童出生日期（${person.birthDate}）`));
    if (p.endedOn && p.beganOn && p.endedOn < p.beganOn) out.push(problem('endedOn', 'before the start', '早于开始日期'));
    if (p.situation === 'severe_disability' && p.disabilityGrade === undefined) out.push(problem('disabilityGrade', 'required for a disability', '残疾情形须填写残疾等级'));
    if (p.disabilityGrade !== undefined && p.disabilityGrade >= 3 && p.disabilityCategory === undefined) out.push(problem('disabilityCategory', 'required for grade 3 or 4', '三、四级残疾须填写残疾类别'));
    return out;
  }

  function checkUnemployment(person: PersonRow, u: Inputs['unemployment']): FieldProblem[] {
    const out: FieldProblem[] = [];
    if (future(u.separationOn)) out.push(problem('separationOn', 'lies in the future', '不能晚于今天'));
    if (beforeBirth(u.separationOn, person.birthDate)) out.push(problem('separationOn', 'before the person was born', '早于本人出生日期'));
    if (u.registeredOn && u.registeredOn < u.separationOn) out.push(problem('registeredOn', 'before the job ended', '失业登记日期早于离职日期'));
    if (future(u.registeredOn)) out.push(problem('registeredOn', 'lies in the future', '不能晚于今天'));
    if (u.reemployedOn && u.reemployedOn < u.separationOn) out.push(problem('reemployedOn', 'before the job ended', '再就业日期早于离职日期'));
    if (person.birthDate) {
      // Contributions cannot exceed the months since the 16th birthday (the legal working age).
      const [by, bm] = person.birthDate.split('-').map(Number) as [number, number];
      const [sy, sm] = u.separationOn.split('-').map(Number) as [number, number];
      const working = (sy - by - 16) * 12 + (sm - bm);
      if (u.contributionMonths > Math.max(working, 0)) out.push(problem('contributionMonths', `more than the ${Math.max(working, 0)} months since the person turned 16`, `超过本人年满 16 周岁以来的 ${Math.max(working, 0)} 个月`));
    }
    return out;
  }

  function checkJobEvent(person: PersonRow, e: Inputs['job-events']): FieldProblem[] {
    const out: FieldProblem[] = [];
    if (future(e.onDate)) out.push(problem('onDate', 'lies in the future', '不能晚于今天'));
    if (beforeBirth(e.onDate, person.birthDate)) out.push(problem('onDate', 'before the person was born', '早于本人出生日期'));
    if (e.kind === 'employed' && e.placementKind === undefined) out.push(problem('placementKind', 'required for employment (it decides the 渐退期)', '就业须填写就业类型（决定渐退期）'));
    return out;
  }

  async function check(tx: DbOrTx, caller: Caller, kind: FactKind, person: PersonRow, input: Inputs[FactKind], replacing: number | null): Promise<void> {
    const problems = kind === 'supporters' ? await checkSupporter(tx, caller, person, input as Inputs['supporters'], replacing)
      : kind === 'parent-situations' ? await checkParent(tx, caller, person, input as Inputs['parent-situations'])
        : kind === 'unemployment' ? checkUnemployment(person, input as Inputs['unemployment'])
          : checkJobEvent(person, input as Inputs['job-events']);
    if (person.mergedInto) problems.push(problem('id', 'this person was merged into another record', '该人员已合并到其他档案'));
    if (problems.length) throw validationFailed(problems);
  }

  async function personInScope(tx: DbOrTx, caller: Caller, id: number, lock = false): Promise<PersonRow> {
    const person = await store.findInScope(tx, id, caller.scope, lock);
    if (!person) throw notFound('Person', '该人员');
    return person;
  }

  async function findFact(tx: DbOrTx, kind: FactKind, personId: number, factId: number): Promise<AnyRow> {
    const table = TABLES[kind] as unknown as Table;
    const [row] = await tx.select().from(table).where(and(eq(table.id, factId), eq(table.personId, personId))) as AnyRow[];
    if (!row) throw notFound('Fact', '该记录');
    if (row.retiredAt) throw validationFailed([problem('factId', 'already superseded or removed: change the current row', '该记录已被修改或删除，请修改当前记录')]);
    return row;
  }

  const service = {
    /** The facts of one kind as recorded at the end of `asOf` (default now); `retired` adds the history. */
    async list(caller: Caller, kind: FactKind, personId: number, q: { asOf?: string | undefined; retired?: boolean }) {
      await personInScope(db, caller, personId);
      const table = TABLES[kind] as unknown as Table;
      const conditions: SQL[] = [eq(table.personId, personId)];
      if (q.asOf) {
        const end = startOfLocalDay(addDays(q.asOf, 1));
        conditions.push(lt(table.recordedAt, end));
        if (!q.retired) conditions.push(or(isNull(table.retiredAt), gt(table.retiredAt, end))!);
      } else if (!q.retired) conditions.push(isNull(table.retiredAt));
      const rows = await db.select().from(table).where(and(...conditions)).orderBy(desc(table.id)) as AnyRow[];
      return { items: rows.map((r) => present(kind, r)) };
    },

    async add(caller: Caller, kind: FactKind, personId: number, input: Inputs[FactKind], actor: Actor, tx?: DbOrTx) {
      const run = async (t: DbOrTx) => {
        const person = await personInScope(t, caller, personId, true);
        await check(t, caller, kind, person, input, null);
        const table = TABLES[kind] as unknown as Table;
        const [row] = await t.insert(table).values({ ...values(kind, input), personId, recordedBy: actor.name, reason: input.reason ?? null, source: input.source ?? null } as never).returning() as AnyRow[];
        await audit.record(t, actor, { action: `person.${kind}.add`, entity: 'person', entityId: personId, jurisdictionCode: person.jurisdictionCode, changes: diffChanges(null, prefixed(kind, row!.id, auditView(input as Record<string, unknown>))), reason: input.reason ?? null });
        return present(kind, row!);
      };
      return tx ? run(tx) : db.transaction(run);
    },

    /** A change: the row is retired and a new one recorded (revises = the old id). */
    async revise(caller: Caller, kind: FactKind, personId: number, factId: number, input: Inputs[FactKind], actor: Actor) {
      return db.transaction(async (t) => {
        const person = await personInScope(t, caller, personId, true);
        const old = await findFact(t, kind, personId, factId);
        await check(t, caller, kind, person, input, factId);
        const table = TABLES[kind] as unknown as Table;
        const at = now();
        await t.update(table).set({ retiredAt: at, retiredBy: actor.name } as never).where(eq(table.id, factId));
        const [row] = await t.insert(table).values({ ...values(kind, input), personId, revises: factId, recordedAt: at, recordedBy: actor.name, reason: input.reason ?? null, source: input.source ?? null } as never).returning() as AnyRow[];
        const before = present(kind, old);
        const after = present(kind, row!);
        const strip = (o: Record<string, unknown>) => {
          const { id: _i, revises: _r, recordedAt: _a, recordedBy: _b, retiredAt: _c, retiredBy: _d, reason: _e, ...rest } = o;
          return rest;
        };
        await audit.record(t, actor, { action: `person.${kind}.change`, entity: 'person', entityId: personId, jurisdictionCode: person.jurisdictionCode, changes: diffChanges(prefixed(kind, factId, strip(before)), prefixed(kind, factId, strip(after))), reason: input.reason ?? null });
        return after;
      });
    },

    async remove(caller: Caller, kind: FactKind, personId: number, factId: number, reason: string, actor: Actor) {
      return db.transaction(async (t) => {
        const person = await personInScope(t, caller, personId, true);
        await findFact(t, kind, personId, factId);
        const table = TABLES[kind] as unknown as Table;
        const [row] = await t.update(table).set({ retiredAt: now(), retiredBy: actor.name, reason } as never).where(eq(table.id, factId)).returning() as AnyRow[];
        await audit.record(t, actor, { action: `person.${kind}.remove`, entity: 'person', entityId: personId, jurisdictionCode: person.jurisdictionCode, changes: { [`${kind}[${factId}]`]: { before: LABELS[kind], after: null } }, reason });
        return present(kind, row!);
      });
    },

    /** A supporter's full ID number, with a reason (audited). */
    async revealSupporterId(caller: Caller, personId: number, factId: number, reason: string, actor: Actor) {
      return db.transaction(async (t) => {
        const person = await personInScope(t, caller, personId);
        const [row] = await t.select().from(personSupporters).where(and(eq(personSupporters.id, factId), eq(personSupporters.personId, personId)));
        if (!row) throw notFound('Supporter', '该法定义务人');
        await audit.record(t, actor, { action: 'reveal', entity: 'person', entityId: personId, jurisdictionCode: person.jurisdictionCode, changes: { [`supporters[${factId}].idNumber`]: { before: null, after: '(revealed)' } }, reason });
        return { field: 'idNumber', value: sensitive.decrypt(row.idNumberEnc) };
      });
    },
  };
  return service;
}

const RELATION_ZH: Record<string, string> = { none: '无法定义务人', spouse: '配偶', child: '子女', parent: '父母', grandchild: '孙子女、外孙子女', grandparent: '祖父母、外祖父母', sibling: '兄弟姐妹', other: '其他' };

function prefixed(kind: FactKind, id: number, o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [`${kind}[${id}].${k}`, v]));
}
