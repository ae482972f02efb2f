// SQL of the goods catalogue, stores and the stock ledger. A balance changes only together with a
// movement row, under the balance row's lock: a withdrawal reads the locked row, so parallel
// withdrawals of the last units queue and the later ones find too little.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { organisations } from '../organisations/organisations.table.ts';
import type { Viewer } from '../organisations/organisations.store.ts';
import { charityStores, goodsItems, stockBalances, stockMovements } from './charity.table.ts';
import { ofVisibleOrganisation } from './charity.store.ts';

export type ItemRow = typeof goodsItems.$inferSelect;
export type StoreRow = typeof charityStores.$inferSelect & { organisationName: string };
export type MovementRow = typeof stockMovements.$inferSelect;

export async function items(db: DbOrTx): Promise<ItemRow[]> {
  return db.select().from(goodsItems).orderBy(goodsItems.category, goodsItems.name);
}

export async function itemsById(db: DbOrTx, ids: readonly number[]): Promise<Map<number, ItemRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(goodsItems).where(inArray(goodsItems.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertItem(db: DbOrTx, values: typeof goodsItems.$inferInsert): Promise<ItemRow> {
  const [row] = await db.insert(goodsItems).values(values).returning();
  return row!;
}

const storeOrgName = sql<string>`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${charityStores.organisationId})`;

export async function insertStore(db: DbOrTx, values: typeof charityStores.$inferInsert): Promise<number> {
  const [row] = await db.insert(charityStores).values(values).returning({ id: charityStores.id });
  return row!.id;
}

export async function findStore(db: DbOrTx, id: number, viewer: Viewer): Promise<StoreRow | undefined> {
  const [row] = await db.select({ s: charityStores, organisationName: storeOrgName }).from(charityStores).where(and(eq(charityStores.id, id), ofVisibleOrganisation(sql`${charityStores.organisationId}`, viewer)));
  return row && { ...row.s, organisationName: row.organisationName };
}

export async function listStores(db: DbOrTx, viewer: Viewer, organisationId?: number): Promise<StoreRow[]> {
  const rows = await db
    .select({ s: charityStores, organisationName: storeOrgName })
    .from(charityStores)
    .where(and(ofVisibleOrganisation(sql`${charityStores.organisationId}`, viewer), organisationId ? eq(charityStores.organisationId, organisationId) : undefined))
    .orderBy(charityStores.id);
  return rows.map((r) => ({ ...r.s, organisationName: r.organisationName }));
}

export async function balances(db: DbOrTx, storeId: number) {
  return db
    .select({ itemId: stockBalances.itemId, itemName: goodsItems.name, unit: goodsItems.unit, quantity: stockBalances.quantity, valueFen: stockBalances.valueFen })
    .from(stockBalances)
    .innerJoin(goodsItems, eq(goodsItems.id, stockBalances.itemId))
    .where(eq(stockBalances.storeId, storeId))
    .orderBy(goodsItems.name);
}

export async function balanceOf(db: DbOrTx, storeId: number, itemId: number) {
  const [row] = await db
    .select({ itemId: stockBalances.itemId, itemName: goodsItems.name, unit: goodsItems.unit, quantity: stockBalances.quantity, valueFen: stockBalances.valueFen })
    .from(stockBalances)
    .innerJoin(goodsItems, eq(goodsItems.id, stockBalances.itemId))
    .where(and(eq(stockBalances.storeId, storeId), eq(stockBalances.itemId, itemId)));
  return row;
}

/** Adds to a balance (creating it), returns nothing: the movement row is the caller's. */
export async function addToBalance(tx: DbOrTx, storeId: number, itemId: number, quantity: number, valueFen: number): Promise<void> {
  await tx.execute(sql`
    insert into ${stockBalances} (store_id, item_id, quantity, value_fen) values (${storeId}, ${itemId}, ${quantity}, ${valueFen})
    on conflict (store_id, item_id) do update set quantity = ${stockBalances}.quantity + excluded.quantity, value_fen = ${stockBalances}.value_fen + excluded.value_fen`);
}

/**
 * Takes `quantity` units out of a balance at their average value, under the row's lock. Returns
 * the value taken, or undefined when the store holds fewer units (nothing changed).
 */
export async function takeFromBalance(tx: DbOrTx, storeId: number, itemId: number, quantity: number): Promise<{ valueFen: number; left: number } | undefined> {
  const [row] = await queryRows<{ quantity: number; value_fen: number }>(tx, sql`
    select quantity, value_fen from ${stockBalances} where store_id = ${storeId} and item_id = ${itemId} for update`);
  const have = Number(row?.quantity ?? 0);
  if (!row || have < quantity) return undefined;
  const value = Number(row.value_fen);
  // The average value of what is taken, in integer 分 (BigInt: value × quantity may pass 2^53).
  const taken = quantity === have ? value : Number((BigInt(value) * BigInt(quantity)) / BigInt(have));
  await tx.execute(sql`update ${stockBalances} set quantity = quantity - ${quantity}, value_fen = value_fen - ${taken} where store_id = ${storeId} and item_id = ${itemId}`);
  return { valueFen: taken, left: have - quantity };
}

export async function insertMovements(tx: DbOrTx, rows: (typeof stockMovements.$inferInsert)[]): Promise<MovementRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(stockMovements).values(rows).returning();
}

export async function movements(db: DbOrTx, storeId: number, limit: number): Promise<MovementRow[]> {
  return db.select().from(stockMovements).where(eq(stockMovements.storeId, storeId)).orderBy(desc(stockMovements.id)).limit(limit);
}
