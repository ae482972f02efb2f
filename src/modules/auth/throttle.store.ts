// The login back-off counters (login_throttles), shared by every app process. The gate locks the
// account-at-address and the address rows FOR UPDATE, so parallel guesses queue and each sees
// the failures counted before it.
import { and, eq, gt, lt, or, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { loginThrottles as throttles } from './auth.table.ts';
import type { ThrottleKind } from './login-throttle.ts';

export type ThrottleRow = typeof throttles.$inferSelect;
export type ThrottleKey = { kind: ThrottleKind; username: string; address: string };

const keyOf = (k: ThrottleKey) => and(eq(throttles.kind, k.kind), eq(throttles.username, k.username), eq(throttles.address, k.address));

/** The row of a key, created empty when missing, locked for the transaction. */
export async function lockRow(tx: DbOrTx, key: ThrottleKey, at: Date): Promise<ThrottleRow> {
  // One statement that inserts or locks: an insert-if-missing then SELECT … FOR UPDATE found no row
  // when an unlock or a successful login deleted it in between (a 500 under the fuzzer).
  // The no-op update locks the existing row and returns it as it is.
  const [row] = await tx
    .insert(throttles)
    .values({ ...key, failures: 0, lastFailureAt: at })
    .onConflictDoUpdate({ target: [throttles.kind, throttles.username, throttles.address], set: { failures: sql`${throttles.failures}` } })
    .returning();
  return row!;
}

export async function saveRow(tx: DbOrTx, key: ThrottleKey, values: { failures: number; lastFailureAt: Date; blockedUntil: Date | null }): Promise<void> {
  await tx.update(throttles).set(values).where(keyOf(key));
}

/** Distinct addresses with a failure on this account since `since`. */
export async function failingAddresses(tx: DbOrTx, username: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(throttles)
    .where(and(eq(throttles.kind, 'pair'), eq(throttles.username, username), gt(throttles.failures, 0), gt(throttles.lastFailureAt, since)));
  return Number(row?.n ?? 0);
}

/** An administrator's unlock or password reset: the account is slowed nowhere any more. */
export async function forgetAccount(tx: DbOrTx, username: string): Promise<void> {
  await tx.delete(throttles).where(and(eq(throttles.kind, 'pair'), eq(throttles.username, username)));
}

/** A success from an address: that account at that address starts again from nothing. */
export async function forgetPair(tx: DbOrTx, username: string, address: string): Promise<void> {
  await tx.delete(throttles).where(keyOf({ kind: 'pair', username, address }));
}

/** Counters with no failure since `before` and no wait left: housekeeping. */
export async function purge(db: DbOrTx, before: Date, now: Date): Promise<number> {
  const gone = await db
    .delete(throttles)
    .where(and(lt(throttles.lastFailureAt, before), or(isNull(throttles.blockedUntil), lt(throttles.blockedUntil, now))))
    .returning({ kind: throttles.kind });
  return gone.length;
}
