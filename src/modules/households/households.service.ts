// Households (户): members and their relationship to the head, the flags that decide who counts,
// income, assets and rigid expenditures. Every change bumps the version, snapshots the whole
// aggregate (facts as of a date) and is audited, in one transaction.
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { AppError, notFound, validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { UNIQUE_VIOLATION, sqlState } from '../../platform/db/pg-error.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { isWithin, levelOf } from '../../lib/division-code.ts';
import { maskBankAccount, maskName } from '../../lib/masking.ts';
import { ageOn } from '../../lib/age.ts';
import { addDays, startOfLocalDay, todayLocal } from '../../lib/local-date.ts';
import type { Actor, AuditService, Changes } from '../audit/audit.service.ts';
import * as history from '../persons/history.store.ts';
import * as personStore from '../persons/persons.store.ts';
import { computeFinances } from './finances.ts';
import * as store from './households.store.ts';
import {
  MemberFlags,
  type AddMemberBody,
  type AssetInput,
  type ExpenseInput,
  type Household,
  type HouseholdInput,
  type IncomeInput,
} from './households.schema.ts';


type Caller = { scope: string };
type Audited = { action: string; changes?: Changes; reason?: string | null };
const NOT_FOUND = () => notFound('Household', '该户');
const ITEM_LABEL = { incomes: ['income', '收入'], assets: ['asset', '财产'], expenses: ['expense', '支出'] } as const;

export type HouseholdsService = ReturnType<typeof createHouseholdsService>;

export function createHouseholdsService(deps: { db: Db; audit: AuditService; sensitive: SensitiveFields; now?: () => Date }) {
  const { db, audit, sensitive } = deps;
  const now = deps.now ?? (() => new Date());

  async function view(tx: DbOrTx, agg: store.Aggregate, referenceDate: string, personRows?: personStore.PersonRow[]): Promise<Household> {
    const h = agg.household;
    const people = new Map((personRows ?? (await store.personsByIds(tx, agg.members.map((m) => m.personId)))).map((p) => [p.id, p]));
    const head = h.headPersonId ? people.get(h.headPersonId) : undefined;
    return {
      id: h.id,
      jurisdictionCode: h.jurisdictionCode,
      jurisdictionName: await store.jurisdictionName(tx, h.jurisdictionCode),
      address: h.address,
      headPersonId: h.headPersonId,
      headName: head?.name ?? null,
      bankName: h.bankName,
      bankAccountMasked: h.bankAccountEnc ? maskBankAccount(sensitive.decrypt(h.bankAccountEnc)!) : null,
      accountHolderMasked: h.accountHolder ? maskName(h.accountHolder) : null,
      members: agg.members.map((m) => {
        const p = people.get(m.personId);
        return {
          personId: m.personId,
          name: p?.name ?? '',
          idNumberMasked: p ? sensitive.masked('id_number', p.idNumberEnc) : null,
          sex: p?.sex ?? null,
          age: p?.birthDate ? ageOn(p.birthDate, referenceDate) : null,
          relationship: m.relationship as Household['members'][number]['relationship'],
          flags: MemberFlags.parse(m.flags),
          joinedAt: m.joinedAt,
        };
      }),
      incomes: agg.incomes.map((i) => ({ id: i.id, personId: i.personId, type: i.type as never, subtype: i.subtype as never, month: i.month, amountFen: i.amountFen, source: i.source })),
      assets: agg.assets.map((a) => ({ id: a.id, kind: a.kind as never, valueFen: a.valueFen, floorAreaCm2: a.floorAreaCm2, description: a.description, asOf: a.asOf })),
      expenses: agg.expenses.map((e) => ({ id: e.id, kind: e.kind as never, amountFen: e.amountFen, date: e.date, description: e.description })),
      finances: computeFinances({ incomes: agg.incomes, members: agg.members.map((m) => ({ flags: MemberFlags.parse(m.flags) })), assets: agg.assets, expenses: agg.expenses }, referenceDate),
      version: h.version,
      updatedAt: new Date(h.updatedAt).toISOString(),
    };
  }

  /** Run a change on a household the caller may see: lock it, change, bump version, snapshot, audit. */
  async function change(
    caller: Caller,
    id: number,
    actor: Actor,
    audited: Audited | ((household: store.HouseholdRow) => Audited),
    fn: (tx: DbOrTx, household: store.HouseholdRow) => Promise<Partial<store.HouseholdRow> | void>,
  ): Promise<Household> {
    const agg = await db.transaction(async (tx) => {
      const household = await store.findInScope(tx, id, caller.scope, true);
      if (!household) throw NOT_FOUND();
      const details = typeof audited === 'function' ? audited(household) : audited;
      // Bulk-loaded households have no history row yet: keep the version this change replaces.
      if (!(await history.hasVersion(tx, 'household', id, household.version))) {
        await history.ensureVersion(tx, { entity: 'household', entityId: id, version: household.version, validFrom: household.version === 1 ? household.createdAt : household.updatedAt, data: await store.loadAggregate(tx, household), actorName: 'system', reason: '首次变更前的版本 / version before the first recorded change' });
      }
      const values = (await fn(tx, household)) ?? {};
      const updated = await store.bumpVersion(tx, id, values);
      const aggregate = await store.loadAggregate(tx, updated);
      await history.appendVersion(tx, { entity: 'household', entityId: id, version: updated.version, validFrom: now(), data: aggregate, actorName: actor.name, reason: details.reason ?? null });
      await audit.record(tx, actor, { action: details.action, entity: 'household', entityId: id, jurisdictionCode: updated.jurisdictionCode, changes: details.changes ?? null, reason: details.reason ?? null });
      return aggregate;
    });
    return view(db, agg, todayLocal(now()));
  }

  async function placeProblems(caller: Caller, code: string, tx: DbOrTx): Promise<FieldProblem[]> {
    const level = levelOf(code);
    if (level !== 'village' && level !== 'grid') return [{ field: 'jurisdictionCode', message: 'must be a village/community or a grid', messageZh: '须为村（社区）或网格代码' }];
    if (!isWithin(code, caller.scope)) return [{ field: 'jurisdictionCode', message: 'outside your jurisdiction', messageZh: '不在本辖区范围内' }];
    if (!(await store.jurisdictionName(tx, code))) return [{ field: 'jurisdictionCode', message: `unknown jurisdiction ${code}`, messageZh: `区划代码 ${code} 不存在` }];
    return [];
  }

  /** Add a person to a household; with `move`, first end their membership of another household in scope. */
  async function addMemberTx(tx: DbOrTx, caller: Caller, householdId: number, body: z.output<typeof AddMemberBody> & { move?: boolean }): Promise<void> {
    const person = await personStore.findInScope(tx, body.personId, caller.scope);
    if (!person || person.mergedInto) throw validationFailed([{ field: 'personId', message: 'no such person in your jurisdiction', messageZh: '本辖区内无此人员' }]);
    const current = await store.currentMembership(tx, body.personId);
    if (current && current.householdId === householdId) throw new AppError('conflict', 'Already a member of this household', '已是本户成员');
    if (current) {
      const other = await store.findInScope(tx, current.householdId, caller.scope);
      if (!body.move || !other) {
        throw new AppError('conflict', `${person.name} already belongs to household ${other ? current.householdId : '(another area)'}; move them explicitly`, `${person.name} 已是${other ? `户 ${current.householdId} ` : '其他辖区某户'}的成员，如需迁移请选择"迁入"`);
      }
      if (other.headPersonId === body.personId) throw new AppError('conflict', 'The head of another household cannot move; change that head first', '该人员是另一户的户主，请先变更户主');
      await store.updateMember(tx, current.householdId, body.personId, { leftAt: todayLocal(now()) });
    }
    await store.insertMember(tx, { householdId, personId: body.personId, relationship: body.relationship, flags: MemberFlags.parse(body.flags ?? {}), joinedAt: todayLocal(now()) });
  }

  /** Before/after of the plain household fields a patch touches; the bank account masked. */
  function householdChanges(before: store.HouseholdRow, patch: Partial<HouseholdInput>): Changes {
    const out: Changes = {};
    const masked = (enc: string | null) => (enc ? maskBankAccount(sensitive.decrypt(enc)!) : null);
    const was: Record<string, unknown> = { jurisdictionCode: before.jurisdictionCode, address: before.address, bankName: before.bankName, bankAccount: masked(before.bankAccountEnc), accountHolder: before.accountHolder };
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'reason' || !(k in was)) continue;
      const after = k === 'bankAccount' && typeof v === 'string' ? maskBankAccount(v) : v;
      if (JSON.stringify(was[k]) !== JSON.stringify(after)) out[k] = { before: was[k], after };
    }
    return out;
  }

  const service = {
    async create(caller: Caller, input: z.output<typeof HouseholdInput> & { externalKey?: string }, actor: Actor, tx?: DbOrTx): Promise<Household> {
      const run = async (t: DbOrTx) => {
        const problems = await placeProblems(caller, input.jurisdictionCode, t);
        if (problems.length) throw validationFailed(problems);
        // Before the insert: an unknown head would otherwise fail the foreign key (a 500).
        const head = await personStore.findInScope(t, input.headPersonId, caller.scope);
        if (!head || head.mergedInto) throw validationFailed([{ field: 'headPersonId', message: 'no such person in your jurisdiction', messageZh: '本辖区内无此人员' }]);
        const household = await store.insertHousehold(t, {
          jurisdictionCode: input.jurisdictionCode,
          address: input.address ?? null,
          headPersonId: input.headPersonId,
          bankName: input.bankName ?? null,
          bankAccountEnc: sensitive.encrypt(input.bankAccount),
          accountHolder: input.accountHolder ?? null,
          externalKey: input.externalKey ?? null,
        });
        await addMemberTx(t, caller, household.id, { personId: input.headPersonId, relationship: 'head', flags: {}, move: false } as never);
        const aggregate = await store.loadAggregate(t, household);
        await history.appendVersion(t, { entity: 'household', entityId: household.id, version: 1, validFrom: now(), data: aggregate, actorName: actor.name });
        await audit.record(t, actor, { action: 'create', entity: 'household', entityId: household.id, jurisdictionCode: household.jurisdictionCode, changes: { headPersonId: { before: null, after: input.headPersonId } } });
        return aggregate;
      };
      try {
        const agg = tx ? await run(tx) : await db.transaction(run);
        return view(tx ?? db, agg, todayLocal(now()));
      } catch (err) {
        if (sqlState(err) === UNIQUE_VIOLATION) throw new AppError('already_exists', 'That household is already registered', '该户已登记');
        throw err;
      }
    },

    async get(caller: Caller, id: number): Promise<Household> {
      const household = await store.findInScope(db, id, caller.scope);
      if (!household) throw NOT_FOUND();
      return view(db, await store.loadAggregate(db, household), todayLocal(now()));
    },

    update: (caller: Caller, id: number, patch: Partial<HouseholdInput> & { reason?: string | undefined }, actor: Actor) =>
      change(caller, id, actor, (before) => ({ action: 'update', reason: patch.reason ?? null, changes: householdChanges(before, patch) }), async (tx) => {
        if (patch.jurisdictionCode !== undefined) {
          const problems = await placeProblems(caller, patch.jurisdictionCode, tx);
          if (problems.length) throw validationFailed(problems);
        }
        return {
          ...(patch.jurisdictionCode !== undefined ? { jurisdictionCode: patch.jurisdictionCode } : {}),
          ...(patch.address !== undefined ? { address: patch.address } : {}),
          ...(patch.bankName !== undefined ? { bankName: patch.bankName } : {}),
          ...(patch.bankAccount !== undefined ? { bankAccountEnc: sensitive.encrypt(patch.bankAccount) } : {}),
          ...(patch.accountHolder !== undefined ? { accountHolder: patch.accountHolder } : {}),
        };
      }),

    addMember: (caller: Caller, id: number, body: AddMemberBody & { move?: boolean }, actor: Actor) =>
      change(caller, id, actor, { action: 'add_member', reason: body.reason ?? null, changes: { member: { before: null, after: { personId: body.personId, relationship: body.relationship } } } }, async (tx) => {
        if (body.relationship === 'head') throw validationFailed([{ field: 'relationship', message: 'a household has one head; use change-head', messageZh: '每户只有一名户主，请使用变更户主' }]);
        await addMemberTx(tx, caller, id, body as never);
      }),

    updateMember: (caller: Caller, id: number, personId: number, body: { relationship?: string | undefined; flags?: Partial<z.input<typeof MemberFlags>> | undefined; reason?: string | undefined }, actor: Actor) =>
      change(caller, id, actor, { action: 'update_member', reason: body.reason ?? null, changes: { [`member.${personId}`]: { before: null, after: { relationship: body.relationship, flags: body.flags } } } }, async (tx) => {
        const current = await store.currentMembership(tx, personId);
        if (!current || current.householdId !== id) throw notFound('Member', '该成员');
        if (body.relationship === 'head' && current.relationship !== 'head') throw validationFailed([{ field: 'relationship', message: 'use change-head', messageZh: '请使用变更户主' }]);
        const flags = MemberFlags.parse({ ...MemberFlags.parse(current.flags), ...(body.flags ?? {}) });
        await store.updateMember(tx, id, personId, { ...(body.relationship ? { relationship: body.relationship } : {}), flags });
      }),

    removeMember: (caller: Caller, id: number, personId: number, reason: string, actor: Actor) =>
      change(caller, id, actor, { action: 'remove_member', reason, changes: { member: { before: { personId }, after: null } } }, async (tx, household) => {
        if (household.headPersonId === personId) throw new AppError('conflict', 'Change the head before removing them', '请先变更户主再移出该成员');
        const current = await store.currentMembership(tx, personId);
        if (!current || current.householdId !== id) throw notFound('Member', '该成员');
        await store.updateMember(tx, id, personId, { leftAt: todayLocal(now()) });
      }),

    changeHead: (caller: Caller, id: number, personId: number, reason: string, actor: Actor) =>
      change(caller, id, actor, { action: 'change_head', reason, changes: { headPersonId: { before: null, after: personId } } }, async (tx, household) => {
        const current = await store.currentMembership(tx, personId);
        if (!current || current.householdId !== id) throw validationFailed([{ field: 'personId', message: 'must already be a member', messageZh: '须已是本户成员' }]);
        if (household.headPersonId) await store.updateMember(tx, id, household.headPersonId, { relationship: 'other' });
        await store.updateMember(tx, id, personId, { relationship: 'head' });
        return { headPersonId: personId };
      }),

    addItem: (caller: Caller, id: number, kind: store.ItemKind, item: z.output<typeof IncomeInput> | z.output<typeof AssetInput> | z.output<typeof ExpenseInput>, actor: Actor) =>
      change(caller, id, actor, { action: `add_${ITEM_LABEL[kind][0]}`, changes: { [kind]: { before: null, after: item } } }, async (tx) => {
        if (kind === 'incomes') {
          const personId = (item as z.output<typeof IncomeInput>).personId;
          if (personId !== null) {
            const m = await store.currentMembership(tx, personId);
            if (!m || m.householdId !== id) throw validationFailed([{ field: 'personId', message: 'not a member of this household', messageZh: '不是本户成员' }]);
          }
        }
        await store.insertItem(tx, kind, { ...item, householdId: id });
      }),

    removeItem: (caller: Caller, id: number, kind: store.ItemKind, itemId: number, actor: Actor) =>
      change(caller, id, actor, { action: `remove_${ITEM_LABEL[kind][0]}`, changes: { [kind]: { before: { id: itemId }, after: null } } }, async (tx) => {
        if (!(await store.deleteItem(tx, kind, id, itemId))) throw notFound(ITEM_LABEL[kind][0], ITEM_LABEL[kind][1]);
      }),

    /** The household as it stood at the end of a local day, with figures computed for that day. */
    async asOf(caller: Caller, id: number, date: string): Promise<Household> {
      const current = await store.findInScope(db, id, caller.scope);
      if (!current) throw NOT_FOUND();
      const end = startOfLocalDay(addDays(date, 1));
      const version = await history.versionAt(db, 'household', id, end);
      if (!version && current.version === 1 && current.createdAt < end) return view(db, await store.loadAggregate(db, current), date);
      if (!version) throw new AppError('not_found', `Household ${id} was not registered on ${date}`, `${date} 时该户尚未登记`);
      const agg = version.data as store.Aggregate;
      const people: personStore.PersonRow[] = [];
      for (const m of agg.members) {
        const v = await history.versionAt(db, 'person', m.personId, end);
        if (v) people.push(v.data as personStore.PersonRow);
      }
      return view(db, agg, date, people);
    },

    async history(caller: Caller, id: number) {
      await service.get(caller, id);
      return (await history.versions(db, 'household', id)).map((v) => ({ version: v.version, validFrom: v.validFrom.toISOString(), actorName: v.actorName, reason: v.reason }));
    },
  };
  return service;
}
