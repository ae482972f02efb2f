// What PostgreSQL keeps of a value, worked out before it is written, so the audit hash covers
// exactly what a later read gives back (the chain's verifier recomputes from that read).
//
// - text: UTF-8 only, so a lone surrogate arrives as U+FFFD; and NUL is refused outright (text and
//   jsonb alike), which would fail the change being audited. Both become U+FFFD here.
// - jsonb: what JSON.stringify sends (toJSON, so Dates become ISO strings; undefined, functions and
//   symbols dropped from objects and null in arrays; NaN/±Infinity null; -0 is 0), read back by
//   JSON.parse: numbers are jsonb numerics printed in full, which parse to the same double. Keys
//   are strings; two keys that become the same (U+FFFD) keep the later value, as jsonb does.
//   BigInt, which JSON.stringify refuses, is kept as its decimal digits (a string), exactly.
// Applying this twice changes nothing (the stored form is a fixed point).

const NUL = /\0/g;

/** A string as PostgreSQL text stores it: well-formed UTF-16, no NUL. */
export function storedText(value: string): string {
  const wellFormed = value.isWellFormed() ? value : value.toWellFormed();
  return wellFormed.includes('\0') ? wellFormed.replace(NUL, '\uFFFD') : wellFormed;
}

export function storedTextOrNull(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : storedText(value);
}

const bigintAsText = (_key: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/** A value as a jsonb column gives it back (undefined for a value JSON.stringify drops, like undefined itself). */
export function storedJson(value: unknown): unknown {
  const text = JSON.stringify(value, bigintAsText);
  return text === undefined ? undefined : clean(JSON.parse(text));
}

/** After a JSON round trip only strings, keys and -0 (from "-0" never, but kept safe) need work. */
function clean(value: unknown): unknown {
  if (typeof value === 'string') return storedText(value);
  if (typeof value === 'number') return value === 0 ? 0 : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clean);
  // Object.fromEntries defines own properties (a "__proto__" key stays data), later keys win.
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [storedText(k), clean(v)]));
}
