// The SQLSTATE of a database error from either driver (drizzle wraps the driver's error in `cause`).
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
/** ON DELETE RESTRICT raises this instead of 23503. */
export const RESTRICT_VIOLATION = '23001';

export function isReferenceViolation(err: unknown): boolean {
  const state = sqlState(err);
  return state === FOREIGN_KEY_VIOLATION || state === RESTRICT_VIOLATION;
}
export const CHECK_VIOLATION = '23514';

export function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
