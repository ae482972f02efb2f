// The two things that change stock, used inside the caller's transaction by donations, movements
// and distributions alike: receive (add to the balance, one 'in'-side row) and withdraw (take at
// the average value under the balance row's lock, one 'out'-side row, or refuse with 409).
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import * as store from './stock.store.ts';

type Common = { storeId: number; itemId: number; occurredOn: string; createdBy: number | null };

export async function receive(tx: DbOrTx, m: Common & { kind: 'in' | 'transfer_in' | 'return'; quantity: number; valueFen: number; donationId?: number | null; distributionId?: number | null; otherStoreId?: number | null; expiresOn?: string | null; reason?: string | null }) {
  await store.addToBalance(tx, m.storeId, m.itemId, m.quantity, m.valueFen);
  const [row] = await store.insertMovements(tx, [{ ...m, reason: m.reason ?? null, donationId: m.donationId ?? null, distributionId: m.distributionId ?? null, otherStoreId: m.otherStoreId ?? null, expiresOn: m.expiresOn ?? null }]);
  return row!;
}

export class InsufficientStock extends AppError {
  constructor(field: string, itemName: string, unit: string, wanted: number) {
    super('conflict', `Not enough ${itemName} in stock for ${wanted} ${unit}`, `库存不足：${itemName}不够 ${wanted}${unit}`, [
      { field, message: `not enough in stock (${wanted} ${unit} wanted)`, messageZh: `库存不足（需要 ${wanted}${unit}）` },
    ]);
  }
}

export async function withdraw(tx: DbOrTx, m: Common & { kind: 'out' | 'transfer_out' | 'loss' | 'distribution'; quantity: number; reason?: string | null; distributionId?: number | null; otherStoreId?: number | null; field: string; item: { name: string; unit: string } }) {
  const taken = await store.takeFromBalance(tx, m.storeId, m.itemId, m.quantity);
  if (!taken) throw new InsufficientStock(m.field, m.item.name, m.item.unit, m.quantity);
  const [row] = await store.insertMovements(tx, [{
    storeId: m.storeId, itemId: m.itemId, kind: m.kind, quantity: -m.quantity, valueFen: -taken.valueFen, reason: m.reason ?? null,
    distributionId: m.distributionId ?? null, otherStoreId: m.otherStoreId ?? null, occurredOn: m.occurredOn, createdBy: m.createdBy,
  }]);
  return { movement: row!, valueFen: taken.valueFen };
}
