// 微心愿: posted by a social-work station or community inside its area, shown on a public wall
// with nothing personal, claimed (the claimant's contact sealed, never public), fulfilled with a
// confirmation; counted by place. Knows nothing of HTTP.
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { isReferenceViolation } from '../../platform/db/pg-error.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { underPrefix, withinScope } from '../../platform/db/scope.ts';
import { isWithin } from '../../lib/division-code.ts';
import { todayLocal } from '../../lib/local-date.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { Caller, CharityDeps } from './context.ts';
import type { z } from 'zod';
import type { ClaimWishBody, CreateWishBody, FulfilWishBody, Wish } from './wishes.schema.ts';

type Row = { id: number; jurisdiction_code: string; place: string | null; organisation_id: number | null; person_id: number | null; beneficiary_kind: string; category: string; budget_fen: number; public_text: string; status: string; claimant_kind: string | null; claimant_name: string | null; claimant_phone_enc: string | null; fulfilled_on: string | null; created_at: Date | string };
const NOT_FOUND = () => notFound('Wish', '该微心愿');
const placeName = sql`(select name from jurisdictions j where j.code = w.jurisdiction_code)`;

export function createWishesService(deps: CharityDeps) {
  const { db, audit, organisations, sensitive } = deps;
  const now = deps.now ?? (() => new Date());

  const present = (r: Row): Wish => ({
    id: Number(r.id), jurisdictionCode: r.jurisdiction_code, jurisdictionName: r.place, organisationId: r.organisation_id === null ? null : Number(r.organisation_id), personId: r.person_id === null ? null : Number(r.person_id),
    beneficiaryKind: r.beneficiary_kind as Wish['beneficiaryKind'], category: r.category as Wish['category'], budgetFen: Number(r.budget_fen), publicText: r.public_text, status: r.status as Wish['status'],
    claimantKind: r.claimant_kind, claimantName: r.claimant_name, claimantPhoneMasked: sensitive.masked('phone', r.claimant_phone_enc), fulfilledOn: r.fulfilled_on, createdAt: new Date(r.created_at).toISOString(),
  });

  /** Staff see the wishes of their area; an organisation user those it posted. */
  async function visible(caller: Caller, q: DbOrTx = db) {
    const viewer = await organisations.viewerOf(caller, q);
    return viewer.organisationOnly ? sql`w.organisation_id = ${viewer.organisationId ?? -1}` : withinScope(sql`w.jurisdiction_code`, caller.scope);
  }

  async function get(caller: Caller, id: number, lock = false): Promise<Row> {
    const [row] = await queryRows<Row>(db, sql`select w.*, ${placeName} as place from wishes w where w.id = ${id} and ${await visible(caller)}${lock ? sql` for update` : sql``}`);
    if (!row) throw NOT_FOUND();
    return row;
  }

  return {
    async create(caller: Caller, body: z.output<typeof CreateWishBody>, actor: Actor) {
      const id = await db.transaction(async (tx) => {
        const viewer = await organisations.viewerOf(caller, tx);
        let organisationId: number | null = null;
        if (viewer.organisationOnly || body.organisationId) {
          const { organisation } = await organisations.actingFor(tx, caller, body.organisationId);
          organisationId = organisation.id;
          if (!isWithin(body.jurisdictionCode, organisation.jurisdictionCode)) throw validationFailed([{ field: 'jurisdictionCode', message: "must lie inside the organisation's area", messageZh: '须在该组织服务区域内' }]);
        }
        if (!viewer.organisationOnly && !isWithin(body.jurisdictionCode, caller.scope)) throw validationFailed([{ field: 'jurisdictionCode', message: 'must lie inside your jurisdiction', messageZh: '须在本辖区内' }]);
        if (body.personId) {
          // Only staff link the person (an organisation sees no registry); inside their area.
          const [p] = viewer.organisationOnly ? [] : await queryRows<{ id: number }>(tx, sql`select id from persons where id = ${body.personId} and ${withinScope(sql`jurisdiction_code`, caller.scope)}`);
          if (!p) throw validationFailed([{ field: 'personId', message: 'no such person in your area', messageZh: '本辖区内无此人' }]);
        }
        const [row] = await queryRows<{ id: number }>(tx, sql`
          insert into wishes (jurisdiction_code, organisation_id, person_id, beneficiary_kind, category, budget_fen, public_text, created_by)
          values (${body.jurisdictionCode}, ${organisationId}, ${body.personId ?? null}, ${body.beneficiaryKind}, ${body.category}, ${body.budgetFen}, ${body.publicText}, ${caller.kind === 'user' ? caller.id : null})
          returning id`);
        await audit.record(tx, actor, { action: 'create', entity: 'wish', entityId: Number(row!.id), jurisdictionCode: body.jurisdictionCode, changes: { category: { before: null, after: body.category }, budgetFen: { before: null, after: body.budgetFen } } });
        return Number(row!.id);
      }).catch((err: unknown) => {
        if (isReferenceViolation(err)) throw validationFailed([{ field: 'jurisdictionCode', message: 'no such jurisdiction', messageZh: '区划不存在' }]);
        throw err;
      });
      return present(await get(caller, id));
    },

    async list(caller: Caller, q: { status?: string | undefined; limit: number; offset: number }) {
      const where = sql`${await visible(caller)}${q.status ? sql` and w.status = ${q.status}` : sql``}`;
      const rows = await queryRows<Row>(db, sql`select w.*, ${placeName} as place from wishes w where ${where} order by w.id desc limit ${q.limit} offset ${q.offset}`);
      const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from wishes w where ${where}`);
      return { items: rows.map(present), total: Number(n?.n ?? 0) };
    },

    /** The public wall: the text, kind, budget, the community's name and the status — nothing else. */
    async wall(q: { under?: string | undefined; status?: string | undefined; limit: number }) {
      const rows = await queryRows<Row>(db, sql`
        select w.id, w.beneficiary_kind, w.category, w.budget_fen, w.public_text, w.status, ${placeName} as place from wishes w
        where ${q.under ? underPrefix(sql`w.jurisdiction_code`, q.under) : sql`true`} and w.status = ${q.status ?? 'posted'}
        order by w.id desc limit ${q.limit}`);
      return { items: rows.map((r) => ({ id: Number(r.id), place: r.place, beneficiaryKind: r.beneficiary_kind as 'child', category: r.category as Wish['category'], budgetFen: Number(r.budget_fen), text: r.public_text, status: r.status as Wish['status'] })) };
    },

    async claim(caller: Caller, id: number, body: z.output<typeof ClaimWishBody>, actor: Actor) {
      await db.transaction(async (tx) => {
        const [row] = await queryRows<Row>(tx, sql`select w.* , null as place from wishes w where w.id = ${id} and ${await visible(caller, tx)} for update`);
        if (!row) throw NOT_FOUND();
        if (row.status !== 'posted') throw new AppError('conflict', 'Already claimed', '该微心愿已被认领');
        await tx.execute(sql`update wishes set status = 'claimed', claimant_kind = ${body.claimantKind}, claimant_name = ${body.claimantName}, claimant_phone_enc = ${sensitive.encrypt(body.claimantPhone)}, claimed_at = now() where id = ${id}`);
        await audit.record(tx, actor, { action: 'claim', entity: 'wish', entityId: id, jurisdictionCode: row.jurisdiction_code, changes: { status: { before: 'posted', after: 'claimed' }, claimantKind: { before: null, after: body.claimantKind } } });
      });
      return present(await get(caller, id));
    },

    async fulfil(caller: Caller, id: number, body: z.output<typeof FulfilWishBody>, actor: Actor) {
      await db.transaction(async (tx) => {
        const [row] = await queryRows<Row>(tx, sql`select w.*, null as place from wishes w where w.id = ${id} and ${await visible(caller, tx)} for update`);
        if (!row) throw NOT_FOUND();
        if (row.status !== 'claimed') throw new AppError('conflict', row.status === 'posted' ? 'Not claimed yet' : 'Already fulfilled', row.status === 'posted' ? '尚未认领' : '已实现');
        if (body.fulfilledOn > todayLocal(now())) throw validationFailed([{ field: 'fulfilledOn', message: 'in the future', messageZh: '不能晚于今天' }]);
        await tx.execute(sql`update wishes set status = 'fulfilled', fulfilled_on = ${body.fulfilledOn}, confirmation = ${body.confirmation} where id = ${id}`);
        await audit.record(tx, actor, { action: 'fulfil', entity: 'wish', entityId: id, jurisdictionCode: row.jurisdiction_code, changes: { status: { before: 'claimed', after: 'fulfilled' } } });
      });
      return present(await get(caller, id));
    },

    /** Posted / claimed / fulfilled by community, inside the caller's area. */
    async counts(caller: Caller, under: string | undefined) {
      const rows = await queryRows<{ code: string; name: string | null; posted: number; claimed: number; fulfilled: number }>(db, sql`
        select w.jurisdiction_code as code, ${placeName} as name, count(*)::int as posted,
               count(*) filter (where w.status in ('claimed', 'fulfilled'))::int as claimed, count(*) filter (where w.status = 'fulfilled')::int as fulfilled
        from wishes w where ${await visible(caller)} ${under ? sql`and ${underPrefix(sql`w.jurisdiction_code`, under)}` : sql``}
        group by 1, 2 order by 1`);
      return { items: rows.map((r) => ({ jurisdictionCode: r.code, jurisdictionName: r.name, posted: Number(r.posted), claimed: Number(r.claimed), fulfilled: Number(r.fulfilled) })) };
    },
  };
}
