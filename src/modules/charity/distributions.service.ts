// Distributions (发放): goods from one store, or money from one project, to the households a
// registry query or a list chose, each household one recipient row (the hand-over an organisation
// sees, masked; once signed, a line of the household's benefit ledger). What was not delivered
// goes back: goods to the store at the value it left with, money to the project's balance.
import { inArray, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { AppError, notFound, validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { isWithin } from '../../lib/division-code.ts';
import { todayLocal } from '../../lib/local-date.ts';
import { maskName } from '../../lib/masking.ts';
import { parseIdNumber } from '../../lib/id-number.ts';
import { renderPdf } from '../../lib/pdf/render.ts';
import type { Actor } from '../audit/audit.service.ts';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import type { OrganisationViewer } from '../organisations/index.ts';
import * as charityStore from './charity.store.ts';
import * as stockStore from './stock.store.ts';
import * as store from './distributions.store.ts';
import { receive, withdraw } from './stock.ops.ts';
import { householdValues, shareOf, type ItemShare } from './shares.ts';
import { signingSheet, type SheetGroup } from './sheet.document.ts';
import type { Caller, CharityDeps } from './context.ts';
import type { CreateDistributionBody, Distribution, Recipient } from './charity.schema.ts';

const NOT_FOUND = () => notFound('Distribution', '该发放');
const RECIPIENT_NOT_FOUND = () => notFound('Recipient', '该受助户');
type Package = (ItemShare & { itemName: string; unit: string; perHousehold: number })[];

export function createDistributionsService(deps: CharityDeps) {
  const { db, audit, organisations, sensitive, attachments } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => todayLocal(now());

  const presentRecipient = (r: store.RecipientView): Recipient => ({
    id: r.id, householdId: r.householdId, personId: r.personId, nameMasked: r.name ? maskName(r.name) : null, idNumberMasked: sensitive.masked('id_number', r.idNumberEnc),
    jurisdictionCode: r.jurisdictionCode, jurisdictionName: r.jurisdictionName, status: r.status as Recipient['status'], valueFen: r.valueFen, amountFen: r.amountFen, deliveredOn: r.deliveredOn, hasPhoto: r.hasPhoto,
  });

  /** Whose recipients the caller sees: an organisation user all of its own distributions'; staff those in their area. */
  const recipientScope = (viewer: OrganisationViewer) => (viewer.organisationOnly ? '' : viewer.scope);

  async function present(row: store.DistributionRow, viewer: OrganisationViewer, q: DbOrTx = db): Promise<Distribution> {
    const pkg = row.package as Package;
    return {
      id: row.id,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      projectId: row.projectId,
      storeId: row.storeId,
      name: row.name,
      kind: row.kind as Distribution['kind'],
      cause: row.cause as Distribution['cause'],
      jurisdictionCode: row.jurisdictionCode,
      package: pkg.map((p) => ({ itemId: p.itemId, itemName: p.itemName, unit: p.unit, quantity: p.perHousehold })),
      amountFen: row.amountFen,
      valueFen: row.valueFen,
      plannedOn: row.plannedOn,
      status: row.status as Distribution['status'],
      counts: await store.counts(q, row.id, recipientScope(viewer)),
      createdAt: row.createdAt.toISOString(),
    };
  }

  async function load(caller: Caller, id: number, tx: DbOrTx = db, lock = false) {
    const viewer = await organisations.viewerOf(caller, tx);
    const row = await store.findDistribution(tx, id, viewer, lock);
    if (!row) throw NOT_FOUND();
    return { viewer, row };
  }

  /** The households of the request, matched row by row against the area and the caller's reach. */
  async function match(tx: DbOrTx, viewer: OrganisationViewer, organisationId: number, area: string, body: CreateDistributionBody) {
    if ('query' in body.recipients) {
      const q = body.recipients.query;
      if (q.under && !isWithin(q.under, area) && !isWithin(area, q.under)) throw validationFailed([{ field: 'recipients.query.under', message: 'outside the distribution\'s area', messageZh: '不在本次发放区域内' }]);
      return { households: await store.householdsByQuery(tx, area, q, today()), unmatched: [] };
    }
    const unmatched: { row: number; householdId: number | null; reason: string; reasonZh: string }[] = [];
    let ids: (number | null)[];
    if ('idNumbers' in body.recipients) {
      // An imported list: each ID number → its person (blind index) → their current household.
      const parsed = body.recipients.idNumbers.map((raw) => parseIdNumber(raw, today()));
      const byIndex = await store.householdsByIdIndex(tx, parsed.flatMap((p) => (p.ok ? [sensitive.index('id_number', p.value)] : [])));
      ids = parsed.map((p, row) => {
        const household = p.ok ? byIndex.get(sensitive.index('id_number', p.value)) : undefined;
        if (!p.ok) unmatched.push({ row, householdId: null, reason: 'not a valid ID number', reasonZh: '身份证号码无效' });
        else if (household === undefined) unmatched.push({ row, householdId: null, reason: 'no one in a household with this ID number', reasonZh: '未找到该身份证号码对应的家庭' });
        return household ?? null;
      });
    } else ids = body.recipients.householdIds;
    const found = new Map((await store.householdsByIds(tx, ids.filter((i): i is number => i !== null))).map((h) => [Number(h.id), h]));
    // An organisation names only households handed to it before; staff only those in their area.
    const handed = viewer.organisationOnly ? await store.handedTo(tx, organisationId, ids.filter((i): i is number => i !== null)) : undefined;
    const seen = new Set<number>();
    const households: store.Household[] = [];
    ids.forEach((id, row) => {
      if (id === null) return; // reported above
      const h = found.get(id);
      if (seen.has(id)) unmatched.push({ row, householdId: id, reason: 'listed twice', reasonZh: '重复' });
      else if (!h || !isWithin(h.jurisdiction_code, area) || (!viewer.organisationOnly && !isWithin(h.jurisdiction_code, viewer.scope))) unmatched.push({ row, householdId: id, reason: 'no such household in the area', reasonZh: '发放区域内无此户' });
      else if (handed && !handed.has(id)) unmatched.push({ row, householdId: id, reason: 'not handed over to your organisation', reasonZh: '未移交给本组织' });
      else households.push(h);
      seen.add(id);
    });
    unmatched.sort((a, b) => a.row - b.row);
    // An organisation learns nothing of the registry from the report: whatever it was not handed is just that.
    if (viewer.organisationOnly) {
      for (const u of unmatched) {
        if (u.reasonZh === '身份证号码无效' || u.reasonZh === '重复') continue;
        Object.assign(u, { householdId: null, reason: 'not handed over to your organisation', reasonZh: '未移交给本组织' });
      }
    }
    return { households, unmatched };
  }

  return {
    async create(caller: Caller, body: CreateDistributionBody, actor: Actor) {
      return db.transaction(async (tx) => {
        const { viewer, organisation } = await organisations.actingFor(tx, caller, body.organisationId);
        const problems: FieldProblem[] = [];
        if (!isWithin(body.jurisdictionCode, organisation.jurisdictionCode)) problems.push({ field: 'jurisdictionCode', message: "must lie inside the organisation's area", messageZh: '须在该组织服务区域内' });
        if (!viewer.organisationOnly && !isWithin(body.jurisdictionCode, caller.scope)) problems.push({ field: 'jurisdictionCode', message: 'must lie inside your jurisdiction', messageZh: '须在本辖区内' });
        const project = body.projectId ? await charityStore.findProject(tx, body.projectId, viewer, body.kind === 'money') : undefined;
        if (body.projectId && (!project || project.organisationId !== organisation.id)) problems.push({ field: 'projectId', message: 'not a project of this organisation', messageZh: '不是该组织的慈善项目' });
        const source = body.storeId ? await stockStore.findStore(tx, body.storeId, viewer) : undefined;
        if (body.kind === 'goods' && (!source || source.organisationId !== organisation.id)) problems.push({ field: 'storeId', message: 'not a store of this organisation', messageZh: '不是该组织的仓库' });
        const items = await stockStore.itemsById(tx, (body.package ?? []).map((p) => p.itemId));
        (body.package ?? []).forEach((p, i) => items.has(p.itemId) || problems.push({ field: `package.${i}.itemId`, message: 'no such item', messageZh: '物资目录中无此物资' }));
        if (problems.length) throw validationFailed(problems);

        const { households, unmatched } = await match(tx, viewer, organisation.id, body.jurisdictionCode, body);
        const report = { matched: households.length, unmatched };
        if (body.dryRun) return { distribution: null, report };
        const listField = 'idNumbers' in body.recipients ? 'idNumbers' : 'householdIds';
        if (unmatched.length) throw validationFailed(unmatched.slice(0, 50).map((u) => ({ field: `recipients.${listField}.${u.row}`, message: u.reason, messageZh: u.reasonZh })));
        if (households.length === 0) throw validationFailed([{ field: 'recipients', message: 'no household matches', messageZh: '没有符合条件的家庭' }]);
        const n = households.length;
        const createdBy = caller.kind === 'user' ? caller.id : null;
        const id = await store.insertDistribution(tx, {
          organisationId: organisation.id, projectId: body.projectId ?? null, storeId: body.storeId ?? null, name: body.name, kind: body.kind,
          cause: body.cause ?? (project?.cause as string | undefined) ?? 'food', jurisdictionCode: body.jurisdictionCode, amountFen: body.amountFen ?? 0, valueFen: 0,
          plannedOn: body.plannedOn, criteria: 'query' in body.recipients ? body.recipients.query : null, recipientCount: n, createdBy,
        });

        let values: number[];
        let pkg: Package = [];
        if (body.kind === 'goods') {
          for (const [i, p] of body.package!.entries()) {
            const item = items.get(p.itemId)!;
            const taken = await withdraw(tx, { kind: 'distribution', storeId: source!.id, itemId: item.id, quantity: p.quantity * n, distributionId: id, occurredOn: body.plannedOn, createdBy, field: `package.${i}.quantity`, item });
            pkg.push({ itemId: item.id, itemName: item.name, unit: item.unit, perHousehold: p.quantity, quantity: p.quantity * n, totalFen: taken.valueFen });
          }
          values = householdValues(pkg, n);
        } else {
          // The project's money: what came in, less what is handed out and not returned.
          const money = await store.projectMoney(tx, project!.id);
          const need = body.amountFen! * n;
          if (money.received - money.out < need) {
            throw new AppError('conflict', `The project has ${money.received - money.out} fen left, ${need} needed`, `项目余额不足：余 ${money.received - money.out} 分，需 ${need} 分`, [{ field: 'amountFen', message: 'more than the project balance', messageZh: '超过项目余额' }]);
          }
          values = households.map(() => body.amountFen!);
          pkg = [];
        }
        await store.insertRecipients(tx, id, households, values, body.kind === 'money' ? body.amountFen! : 0);
        await tx.execute(sql`update distributions set package = ${JSON.stringify(pkg)}::jsonb, value_fen = ${Math.round(values.reduce((a, b) => a + b, 0) / n)} where id = ${id}`);
        await audit.record(tx, actor, { action: 'create', entity: 'distribution', entityId: id, jurisdictionCode: body.jurisdictionCode, changes: { name: { before: null, after: body.name }, households: { before: null, after: n }, kind: { before: null, after: body.kind } } });
        const row = (await store.findDistribution(tx, id, viewer))!;
        return { distribution: await present(row, viewer, tx), report };
      });
    },

    async list(caller: Caller, q: { organisationId?: number | undefined; limit: number; offset: number }) {
      const viewer = await organisations.viewerOf(caller);
      const { items, total } = await store.listDistributions(db, viewer, q);
      return { items: await Promise.all(items.map((r) => present(r, viewer))), total };
    },

    async get(caller: Caller, id: number) {
      const { viewer, row } = await load(caller, id);
      return present(row, viewer);
    },

    /** The hand-over: recipients with masked name and ID number, inside the caller's reach. */
    async recipients(caller: Caller, id: number, q: { community?: string | undefined; status?: string | undefined; limit: number; offset: number }) {
      const { viewer } = await load(caller, id);
      const { items, total } = await store.recipients(db, id, recipientScope(viewer), q);
      const out = items.map(presentRecipient);
      return { items: out, total };
    },

    /** A household signed for its share (on the phone, by the community worker or the organisation). */
    async deliver(caller: Caller, id: number, recipientId: number, body: { deliveredOn?: string | undefined; note?: string | undefined }, actor: Actor) {
      await db.transaction(async (tx) => {
        const { viewer, row } = await load(caller, id, tx);
        const r = await store.findRecipient(tx, id, recipientId, recipientScope(viewer), true);
        if (!r) throw RECIPIENT_NOT_FOUND();
        if (r.status !== 'pending') throw new AppError('conflict', `Already ${r.status}`, r.status === 'delivered' ? '已签收' : '已退回，不能签收');
        const deliveredOn = body.deliveredOn ?? today();
        // Paper sheets are often entered later: any day from the planned day to today.
        if (deliveredOn < row.plannedOn) throw validationFailed([{ field: 'deliveredOn', message: 'before the planned day of the distribution', messageZh: '早于计划发放日期' }]);
        if (deliveredOn > today()) throw validationFailed([{ field: 'deliveredOn', message: 'in the future', messageZh: '不能晚于今天' }]);
        await store.setRecipient(tx, r.id, { status: 'delivered', deliveredOn, signedBy: caller.kind === 'user' ? caller.id : null, note: body.note ?? null });
        await audit.record(tx, actor, { action: 'distribution.deliver', entity: 'distribution', entityId: id, jurisdictionCode: r.jurisdictionCode, changes: { recipientId: { before: null, after: r.id }, status: { before: 'pending', after: 'delivered' } } });
      });
      return this.recipient(caller, id, recipientId);
    },

    async recipient(caller: Caller, id: number, recipientId: number): Promise<Recipient> {
      const { viewer } = await load(caller, id);
      const { items } = await store.recipients(db, id, recipientScope(viewer), { id: recipientId, limit: 1, offset: 0 });
      if (!items[0]) throw RECIPIENT_NOT_FOUND();
      return presentRecipient(items[0]);
    },

    /** The photo taken at signing (replaces an earlier one); stored sealed, never public. */
    async putPhoto(caller: Caller, id: number, recipientId: number, content: Buffer | undefined, actor: Actor) {
      const photo = { content, kind: 'photo', accept: 'photo', field: 'photo' } as const;
      const checked = attachments.check(photo);
      await db.transaction(async (tx) => {
        const { viewer } = await load(caller, id, tx);
        const r = await store.findRecipient(tx, id, recipientId, recipientScope(viewer), true);
        if (!r) throw RECIPIENT_NOT_FOUND();
        await attachments.replace(tx, { kind: store.PHOTO_OWNER, id: r.id, jurisdictionCode: r.jurisdictionCode }, { ...photo, checked, fileName: `delivery-${r.id}` }, caller.kind === 'user' ? caller.id : null);
        await audit.record(tx, actor, { action: 'distribution.photo', entity: 'distribution', entityId: id, jurisdictionCode: r.jurisdictionCode, reason: `${checked.mediaType}, ${checked.sizeBytes} bytes` });
      });
    },

    /** One household's share goes back (not found, refused, moved away). */
    async undeliver(caller: Caller, id: number, recipientId: number, reason: string, actor: Actor) {
      await db.transaction(async (tx) => {
        const { viewer, row } = await load(caller, id, tx, true);
        const r = await store.findRecipient(tx, id, recipientId, recipientScope(viewer), true);
        if (!r) throw RECIPIENT_NOT_FOUND();
        if (r.status !== 'pending') throw new AppError('conflict', `Already ${r.status}`, r.status === 'delivered' ? '已签收，不能退回' : '已退回');
        await giveBack(tx, row, [r.id], caller);
        await audit.record(tx, actor, { action: 'distribution.undeliver', entity: 'distribution', entityId: id, jurisdictionCode: r.jurisdictionCode, reason, changes: { recipientId: { before: null, after: r.id }, status: { before: 'pending', after: 'undelivered' } } });
      });
      return this.recipient(caller, id, recipientId);
    },

    /** Close: every share not signed for goes back at once. */
    async close(caller: Caller, id: number, actor: Actor) {
      const returned = await db.transaction(async (tx) => {
        const { viewer, row } = await load(caller, id, tx, true);
        if (viewer.organisationOnly ? row.organisationId !== viewer.organisationId : !isWithin(row.jurisdictionCode, caller.scope)) throw new AppError('forbidden', 'Only the organisation or staff of the whole area may close it', '仅发放组织或覆盖发放区域的工作人员可结束发放');
        if (row.status === 'closed') throw new AppError('conflict', 'Already closed', '已结束');
        const pending = (await store.ranks(tx, id, 'pending')).map((p) => p.id);
        await giveBack(tx, row, pending, caller);
        await store.closeDistribution(tx, id);
        await audit.record(tx, actor, { action: 'distribution.close', entity: 'distribution', entityId: id, jurisdictionCode: row.jurisdictionCode, changes: { status: { before: 'open', after: 'closed' }, returned: { before: null, after: pending.length } } });
        return pending.length;
      });
      return { distribution: await this.get(caller, id), returned };
    },

    /** The signing sheet (签收表) PDF, one section per community. */
    async sheet(caller: Caller, id: number, community: string | undefined) {
      const { viewer, row } = await load(caller, id);
      const { items } = await store.recipients(db, id, recipientScope(viewer), { community, limit: 1_000_000, offset: 0 });
      const groups = new Map<string, SheetGroup>();
      const codes = [...new Set(items.map((r) => r.jurisdictionCode.slice(0, 12)))];
      const names = codes.length ? new Map((await db.select({ code: jurisdictions.code, name: jurisdictions.name }).from(jurisdictions).where(inArray(jurisdictions.code, codes))).map((j) => [j.code, j.name])) : new Map<string, string>();
      for (const r of items) {
        const key = r.jurisdictionCode.slice(0, 12);
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { community: names.get(key) ?? key, rows: [] }));
        g.rows.push({ nameMasked: r.name ? maskName(r.name) : '', idNumberMasked: sensitive.masked('id_number', r.idNumberEnc) ?? '', place: r.jurisdictionName ?? r.jurisdictionCode, status: r.status, deliveredOn: r.deliveredOn });
      }
      const pkg = row.package as Package;
      const what = row.kind === 'money' ? `现金 ${(row.amountFen / 100).toFixed(2)} 元` : pkg.map((p) => `${p.itemName}${p.perHousehold}${p.unit}`).join('、');
      const body = await renderPdf(signingSheet({ name: row.name, organisationName: row.organisationName, plannedOn: row.plannedOn, what, valueFen: row.valueFen }, [...groups.values()]));
      return { body, fileName: `签收表-${row.id}${community ? `-${community}` : ''}.pdf`, households: items.length };
    },
  };

  /** Marks recipients undelivered; their goods go back to the store at the value they left with. */
  async function giveBack(tx: DbOrTx, row: store.DistributionRow, recipientIds: readonly number[], caller: Caller) {
    if (recipientIds.length === 0) return;
    await tx.execute(sql`update distribution_recipients set status = 'undelivered', updated_at = now() where id = any(${sql.param([...recipientIds])}::bigint[])`);
    if (row.kind !== 'goods') return; // money: the balance counts only pending and delivered shares
    const wanted = new Set(recipientIds);
    const ranked = (await queryRows<{ id: number; rank: number }>(tx, sql`select id, (row_number() over (order by id) - 1)::int as rank from distribution_recipients where distribution_id = ${row.id}`)).filter((r) => wanted.has(Number(r.id)));
    const n = row.recipientCount;
    for (const p of row.package as Package) {
      const value = ranked.reduce((sum, r) => sum + shareOf(p, n, Number(r.rank)), 0);
      await receive(tx, { kind: 'return', storeId: row.storeId!, itemId: p.itemId, quantity: p.perHousehold * ranked.length, valueFen: value, distributionId: row.id, occurredOn: todayLocal(now()), createdBy: caller.kind === 'user' ? caller.id : null });
    }
  }
}
