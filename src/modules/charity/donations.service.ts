// Donations of money and goods. Each gets the organisation's next 捐赠票据 number in its own
// transaction (gapless; a rolled-back donation gives its number back); goods go into the named
// store's stock line by line at their estimated value. Knows nothing of HTTP.
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, notFound, validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { renderPdf } from '../../lib/pdf/render.ts';
import type { Actor } from '../audit/audit.service.ts';
import * as orgStore from '../organisations/organisations.store.ts';
import * as store from './charity.store.ts';
import * as stockStore from './stock.store.ts';
import { receive } from './stock.ops.ts';
import { receiptNumber } from './money.ts';
import { receiptDocument } from './receipt.document.ts';
import type { Caller, CharityDeps } from './context.ts';
import type { CreateDonationBody, Donation } from './charity.schema.ts';

const NOT_FOUND = () => notFound('Donation', '该捐赠');

export function createDonationsService(deps: CharityDeps) {
  const { db, audit, organisations } = deps;

  async function present(rows: store.DonationRow[]): Promise<Donation[]> {
    const lines = await store.donationLines(db, rows.filter((r) => r.kind === 'goods').map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisationId,
      organisationName: r.organisationName,
      projectId: r.projectId,
      kind: r.kind as Donation['kind'],
      donorKind: r.donorKind as Donation['donorKind'],
      donorName: r.donorName,
      amountFen: r.amountFen,
      channel: r.channel,
      receivedOn: r.receivedOn,
      restricted: r.restricted,
      restrictedPurpose: r.restrictedPurpose,
      storeId: r.storeId,
      receiptNumber: receiptNumber(r.receiptYear, r.receiptNo),
      lines: lines.filter((l) => l.donationId === r.id).map((l) => ({ itemId: l.itemId, itemName: l.itemName, unit: l.unit, quantity: l.quantity, valueFen: l.valueFen, expiresOn: l.expiresOn })),
      createdAt: r.createdAt.toISOString(),
    }));
  }

  /** The donation in the caller's transaction: checks, receipt number, row, stock, audit. */
  async function record(tx: DbOrTx, caller: Caller, body: CreateDonationBody, actor: Actor): Promise<number> {
    const { viewer, organisation } = await organisations.actingFor(tx, caller, body.organisationId);
    if (!organisation.active) throw new AppError('conflict', 'The organisation is deactivated', '该组织已停用');
    const problems: FieldProblem[] = [];
    if (body.projectId) {
      const project = await store.findProject(tx, body.projectId, viewer);
      if (!project || project.organisationId !== organisation.id) problems.push({ field: 'projectId', message: 'not a project of this organisation', messageZh: '不是该组织的慈善项目' });
      else if (project.status !== 'active') problems.push({ field: 'projectId', message: 'the project is closed', messageZh: '该项目已结束' });
    }
    if (body.donorOrganisationId && !(await orgStore.find(tx, body.donorOrganisationId, { scope: '', organisationId: null, organisationOnly: false }))) {
      problems.push({ field: 'donorOrganisationId', message: 'no such organisation', messageZh: '组织不存在' });
    }
    const items = await stockStore.itemsById(tx, (body.lines ?? []).map((l) => l.itemId));
    if (body.kind === 'goods') {
      const target = await stockStore.findStore(tx, body.storeId!, viewer);
      if (!target || target.organisationId !== organisation.id) problems.push({ field: 'storeId', message: 'not a store of this organisation', messageZh: '不是该组织的仓库' });
      for (const [i, line] of body.lines!.entries()) {
        const item = items.get(line.itemId);
        if (!item) problems.push({ field: `lines.${i}.itemId`, message: 'no such item', messageZh: '物资目录中无此物资' });
        else if (item.perishable && !line.expiresOn) problems.push({ field: `lines.${i}.expiresOn`, message: 'food and medicine need their expiry date', messageZh: '食品、药品须填写保质期' });
        else if (line.expiresOn && line.expiresOn < body.receivedOn) problems.push({ field: `lines.${i}.expiresOn`, message: 'already expired when received', messageZh: '接收时已过期' });
      }
    }
    if (problems.length) throw validationFailed(problems);

    const lines = (body.lines ?? []).map((l) => ({ ...l, valueFen: l.quantity * (l.unitValueFen ?? items.get(l.itemId)!.unitValueFen) }));
    const amountFen = body.kind === 'money' ? body.amountFen! : lines.reduce((s, l) => s + l.valueFen, 0);
    const year = Number(body.receivedOn.slice(0, 4));
    const receiptNo = await store.nextReceiptNo(tx, organisation.id, year);
    const createdBy = caller.kind === 'user' ? caller.id : null;
    const id = await store.insertDonation(tx, {
      organisationId: organisation.id,
      projectId: body.projectId ?? null,
      kind: body.kind,
      donorKind: body.donorKind,
      donorName: body.donorName ?? null,
      donorOrganisationId: body.donorOrganisationId ?? null,
      amountFen,
      channel: body.channel ?? null,
      receivedOn: body.receivedOn,
      restricted: body.restricted,
      restrictedPurpose: body.restrictedPurpose ?? null,
      storeId: body.storeId ?? null,
      receiptYear: year,
      receiptNo,
      note: body.note ?? null,
      createdBy,
    });
    for (const l of lines) {
      await receive(tx, { kind: 'in', storeId: body.storeId!, itemId: l.itemId, quantity: l.quantity, valueFen: l.valueFen, donationId: id, expiresOn: l.expiresOn ?? null, occurredOn: body.receivedOn, createdBy });
    }
    await audit.record(tx, actor, {
      action: 'create',
      entity: 'donation',
      entityId: id,
      jurisdictionCode: organisation.jurisdictionCode,
      // The donor's name stays out of the log: donors may be private persons.
      changes: { receipt: { before: null, after: receiptNumber(year, receiptNo) }, kind: { before: null, after: body.kind }, amountFen: { before: null, after: amountFen }, projectId: { before: null, after: body.projectId ?? null } },
    });
    return id;
  }

  async function getRow(caller: Caller, id: number) {
    const viewer = await organisations.viewerOf(caller);
    const row = await store.findDonation(db, id, viewer);
    if (!row) throw NOT_FOUND();
    return row;
  }

  return {
    /** For callers composing a larger transaction (and for tests of a rolled-back donation). */
    record,

    async create(caller: Caller, body: CreateDonationBody, actor: Actor): Promise<Donation> {
      const id = await db.transaction((tx) => record(tx, caller, body, actor));
      return (await present([await getRow(caller, id)]))[0]!;
    },

    async get(caller: Caller, id: number): Promise<Donation> {
      return (await present([await getRow(caller, id)]))[0]!;
    },

    async list(caller: Caller, q: { organisationId?: number | undefined; projectId?: number | undefined; limit: number; offset: number }) {
      const viewer = await organisations.viewerOf(caller);
      const { items, total } = await store.listDonations(db, viewer, q);
      return { items: await present(items), total };
    },

    /** The printable 捐赠票据 (PDF). */
    async receipt(caller: Caller, id: number) {
      const viewer = await organisations.viewerOf(caller);
      const row = await store.findDonation(db, id, viewer);
      if (!row) throw NOT_FOUND();
      const [donation] = await present([row]);
      const org = (await orgStore.find(db, row.organisationId, viewer))!;
      const project = row.projectId ? await store.findProject(db, row.projectId, viewer) : undefined;
      const body = await renderPdf(receiptDocument({ ...donation!, creditCode: org.creditCode, projectName: project?.name ?? null }));
      return { body, fileName: `捐赠票据-${donation!.receiptNumber}.pdf` };
    },
  };
}
