// The goods catalogue, an organisation's stores and their stock ledger: in, out, transfer between
// its stores and loss with a reason. The balance never goes below zero (checked under the row's
// lock, and by the table's check). Knows nothing of HTTP.
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { UNIQUE_VIOLATION, isReferenceViolation, sqlState } from '../../platform/db/pg-error.ts';
import { isWithin } from '../../lib/division-code.ts';
import { todayLocal } from '../../lib/local-date.ts';
import type { Actor } from '../audit/audit.service.ts';
import * as store from './stock.store.ts';
import { receive, withdraw } from './stock.ops.ts';
import type { Caller, CharityDeps } from './context.ts';
import type { MovementBody } from './charity.schema.ts';
import type { z } from 'zod';
import type { CreateItemBody, CreateStoreBody } from './charity.schema.ts';

const STORE_NOT_FOUND = () => notFound('Store', '该仓库');

export function presentMovement(m: store.MovementRow) {
  return { id: m.id, itemId: m.itemId, kind: m.kind, quantity: m.quantity, valueFen: m.valueFen, reason: m.reason, donationId: m.donationId, distributionId: m.distributionId, otherStoreId: m.otherStoreId, expiresOn: m.expiresOn, occurredOn: m.occurredOn, createdAt: m.createdAt.toISOString() };
}

export function createStockService(deps: CharityDeps) {
  const { db, audit, organisations } = deps;
  const now = deps.now ?? (() => new Date());

  const presentStore = (s: store.StoreRow) => ({ id: s.id, organisationId: s.organisationId, organisationName: s.organisationName, name: s.name, kind: s.kind, jurisdictionCode: s.jurisdictionCode, address: s.address, active: s.active });

  async function storeOf(caller: Caller, id: number) {
    const viewer = await organisations.viewerOf(caller);
    const row = await store.findStore(db, id, viewer);
    if (!row) throw STORE_NOT_FOUND();
    return row;
  }

  return {
    async items() {
      return { items: await store.items(db) };
    },

    async createItem(body: z.output<typeof CreateItemBody>, actor: Actor) {
      return db
        .transaction(async (tx) => {
          const row = await store.insertItem(tx, body);
          await audit.record(tx, actor, { action: 'create', entity: 'goods_item', entityId: row.id, changes: { name: { before: null, after: body.name }, unit: { before: null, after: body.unit } } });
          return row;
        })
        .catch((err: unknown) => {
          if (sqlState(err) === UNIQUE_VIOLATION) throw new AppError('already_exists', 'This item with this unit is already in the catalogue', '目录中已有该物资（同一单位）', [{ field: 'name', message: 'already in the catalogue', messageZh: '已在目录中' }]);
          throw err;
        });
    },

    async stores(caller: Caller, organisationId?: number) {
      const viewer = await organisations.viewerOf(caller);
      return { items: (await store.listStores(db, viewer, organisationId)).map(presentStore) };
    },

    async createStore(caller: Caller, body: z.output<typeof CreateStoreBody>, actor: Actor) {
      const id = await db
        .transaction(async (tx) => {
          const { organisation } = await organisations.actingFor(tx, caller, body.organisationId);
          if (!isWithin(body.jurisdictionCode, organisation.jurisdictionCode)) throw validationFailed([{ field: 'jurisdictionCode', message: "must lie inside the organisation's area", messageZh: '须在该组织服务区域内' }]);
          const storeId = await store.insertStore(tx, { organisationId: organisation.id, name: body.name, kind: body.kind, jurisdictionCode: body.jurisdictionCode, address: body.address ?? null });
          await audit.record(tx, actor, { action: 'create', entity: 'charity_store', entityId: storeId, jurisdictionCode: body.jurisdictionCode, changes: { name: { before: null, after: body.name }, organisationId: { before: null, after: organisation.id } } });
          return storeId;
        })
        .catch((err: unknown) => {
          if (isReferenceViolation(err)) throw validationFailed([{ field: 'jurisdictionCode', message: 'no such jurisdiction', messageZh: '区划不存在' }]);
          throw err;
        });
      return presentStore(await storeOf(caller, id));
    },

    async stock(caller: Caller, storeId: number) {
      const row = await storeOf(caller, storeId);
      return { store: presentStore(row), balances: await store.balances(db, storeId) };
    },

    async movements(caller: Caller, storeId: number, limit: number) {
      await storeOf(caller, storeId);
      return { items: (await store.movements(db, storeId, limit)).map(presentMovement) };
    },

    /** One movement (a transfer writes the pair), in one transaction. */
    async move(caller: Caller, storeId: number, body: MovementBody, actor: Actor) {
      const from = await storeOf(caller, storeId);
      const result = await db.transaction(async (tx) => {
        // The caller must act for the store's organisation (an organisation user: its own).
        const { organisation } = await organisations.actingFor(tx, caller, from.organisationId);
        if (organisation.id !== from.organisationId) throw STORE_NOT_FOUND();
        const item = (await store.itemsById(tx, [body.itemId])).get(body.itemId);
        if (!item) throw validationFailed([{ field: 'itemId', message: 'no such item', messageZh: '物资目录中无此物资' }]);
        const occurredOn = body.occurredOn ?? todayLocal(now());
        const createdBy = caller.kind === 'user' ? caller.id : null;
        const out = [];
        if (body.kind === 'in') {
          if (item.perishable && !body.expiresOn) throw validationFailed([{ field: 'expiresOn', message: 'food and medicine need their expiry date', messageZh: '食品、药品须填写保质期' }]);
          out.push(await receive(tx, { kind: 'in', storeId, itemId: item.id, quantity: body.quantity, valueFen: body.quantity * (body.unitValueFen ?? item.unitValueFen), expiresOn: body.expiresOn ?? null, reason: body.reason ?? null, occurredOn, createdBy }));
        } else if (body.kind === 'transfer') {
          if (body.toStoreId === storeId) throw validationFailed([{ field: 'toStoreId', message: 'the same store', messageZh: '调入与调出为同一仓库' }]);
          const to = await store.findStore(tx, body.toStoreId!, await organisations.viewerOf(caller, tx));
          if (!to || to.organisationId !== from.organisationId) throw validationFailed([{ field: 'toStoreId', message: 'not a store of the same organisation', messageZh: '不是同一组织的仓库' }]);
          const taken = await withdraw(tx, { kind: 'transfer_out', storeId, itemId: item.id, quantity: body.quantity, otherStoreId: to.id, reason: body.reason ?? null, occurredOn, createdBy, field: 'quantity', item });
          out.push(taken.movement, await receive(tx, { kind: 'transfer_in', storeId: to.id, itemId: item.id, quantity: body.quantity, valueFen: taken.valueFen, otherStoreId: storeId, reason: body.reason ?? null, occurredOn, createdBy }));
        } else {
          out.push((await withdraw(tx, { kind: body.kind, storeId, itemId: item.id, quantity: body.quantity, reason: body.reason ?? null, occurredOn, createdBy, field: 'quantity', item })).movement);
        }
        await audit.record(tx, actor, { action: `stock.${body.kind}`, entity: 'charity_store', entityId: storeId, jurisdictionCode: from.jurisdictionCode, changes: { itemId: { before: null, after: item.id }, quantity: { before: null, after: body.quantity } }, reason: body.reason ?? null });
        return { movements: out.map(presentMovement), balance: (await store.balanceOf(tx, storeId, item.id)) ?? { itemId: item.id, itemName: item.name, unit: item.unit, quantity: 0, valueFen: 0 } };
      });
      return result;
    },
  };
}
