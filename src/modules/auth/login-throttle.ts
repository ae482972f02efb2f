// Login back-off by account and client address (pure: no clock, no SQL). One attacker hammering
// an account from one address is slowed there — from the fourth failure each one doubles the wait
// (1 s, 2 s, 4 s …) — and then refused there for the lock time, while the account's owner logs in
// from their own address as usual. An address failing on many accounts (password spraying) is
// slowed the same way on a larger allowance. The account itself is locked only when failures come
// from many addresses, and only for the lock time (an administrator can lift it at once), so no
// single attacker can keep a county approver out. Failures are forgotten after a quiet day.
export type ThrottleKind = 'pair' | 'address';

export type ThrottleRules = {
  /** Failures allowed before any wait. */
  free: number;
  /** From this many failures on, every further failure is refused for `lockMs`. */
  max: number;
  /** The first wait; each further failure doubles it (never beyond `lockMs`). */
  firstWaitMs: number;
  lockMs: number;
};

export type LoginThrottlePolicy = {
  pair: ThrottleRules;
  address: ThrottleRules;
  /** Distinct addresses failing on one account (in `forgetMs`) that lock the account for `lockMs`. */
  accountLockAddresses: number;
  lockMs: number;
  /** A counter with no failure for this long starts again from 0. */
  forgetMs: number;
};

export const FORGET_AFTER_MS = 24 * 3_600_000;

/** The policy from the configuration: `maxFailures` per account and address, `lockMinutes`, `accountLockAddresses`. */
export function throttlePolicy(c: { maxFailures: number; lockMinutes: number; accountLockAddresses: number }): LoginThrottlePolicy {
  const lockMs = c.lockMinutes * 60_000;
  return {
    pair: { free: Math.min(3, c.maxFailures - 1), max: c.maxFailures, firstWaitMs: 1_000, lockMs },
    // One office or village behind one address: ten times the allowance of one account.
    address: { free: c.maxFailures * 2, max: c.maxFailures * 10, firstWaitMs: 1_000, lockMs },
    accountLockAddresses: c.accountLockAddresses,
    lockMs,
    forgetMs: FORGET_AFTER_MS,
  };
}

/** Failures still counted at `now` (a quiet day resets the count). */
export function countedFailures(row: { failures: number; lastFailureAt: Date } | undefined, now: Date, forgetMs: number): number {
  if (!row) return 0;
  return now.getTime() - row.lastFailureAt.getTime() >= forgetMs ? 0 : row.failures;
}

/** Until when an address must wait after its `failures`-th failure at `at` (null: no wait). */
export function waitAfter(failures: number, at: Date, rules: ThrottleRules): Date | null {
  if (failures <= rules.free) return null;
  if (failures >= rules.max) return new Date(at.getTime() + rules.lockMs);
  const wait = Math.min(rules.lockMs, rules.firstWaitMs * 2 ** (failures - rules.free - 1));
  return new Date(at.getTime() + wait);
}
