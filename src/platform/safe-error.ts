// Errors as they may be logged or stored: never with the values a query carried. Drizzle's error
// message is "Failed query: <sql>\nparams: <every bound value>" (repeated in the stack), and
// PostgreSQL puts row values in `detail` ("Key (name)=(王小明) already exists", "Failing row
// contains (…)"), in `where` (COPY's line and column value) and, for data exceptions, in the
// message itself ('invalid input syntax for type date: "…"'). So nothing is copied as it is: the
// log gets an allow-list of fields, messages with their values masked, and stack frames without
// the message lines. Masked stays masked: personal data is replaced, never shortened or hashed.
import { sqlState } from './db/pg-error.ts';

/** ASCII, so masking twice leaves it as it is. */
export const MASK = '[redacted]';

/** Fields of a driver error that name things (schema objects, codes), never values. */
const NAMING_FIELDS = ['severity', 'schema', 'table', 'column', 'dataType', 'constraint', 'routine'] as const;
const MAX_CAUSES = 5;
const MAX_TEXT = 2000;

/**
 * Values in free text: any run of non-ASCII (Chinese names and addresses), e-mail addresses,
 * dates (birth dates), runs of 5+ digits (ID, phone, card and account numbers).
 */
export function maskValues(text: string): string {
  return text
    .slice(0, MAX_TEXT)
    .replace(/[^\x00-\x7f]+/g, MASK)
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, MASK)
    .replace(/\d{4}-\d{1,2}-\d{1,2}/g, MASK)
    .replace(/\d{5,}[xX]?/g, MASK);
}

// SQLSTATE classes whose messages quote only names of things (relations, columns, constraints):
// integrity (23), syntax and access (42), transaction states (25, 40), resources and operator
// intervention (53, 57), connections (08). Data exceptions (22) quote the offending value, and a
// RAISE (P0) says whatever its author wrote: there every quoted part is masked.
const NAMES_ONLY_CLASSES = new Set(['08', '23', '25', '40', '42', '53', '57']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$.]{0,126}$/;

/** A PostgreSQL message with its quoted values (and anything after "…: " in a data exception) masked. */
function databaseMessage(message: string, state: string): string {
  const namesOnly = NAMES_ONLY_CLASSES.has(state.slice(0, 2));
  let out = message.replace(/"((?:[^"]|"")*)"/g, (all, inner: string) => (namesOnly && IDENTIFIER.test(inner) ? all : `"${MASK}"`));
  if (!namesOnly) out = out.replace(/: .*$/s, `: ${MASK}`);
  return maskValues(out);
}

// The shapes of `detail` PostgreSQL gives for constraint failures; the values part is masked and
// anything else is left out.
const KEY_DETAIL = /^Key \((.*?)\)=\(.*\) (already exists|is not present in table "[^"]*"|is still referenced from table "[^"]*")\.?$/s;
const ROW_DETAIL = /^Failing row contains \(/;

function safeDetail(detail: string): string | undefined {
  const key = KEY_DETAIL.exec(detail);
  if (key) return maskValues(`Key (${key[1]})=(${MASK}) ${key[2]}.`);
  if (ROW_DETAIL.test(detail)) return `Failing row contains (${MASK}).`;
  return undefined;
}

type ErrorLike = Error & Record<string, unknown>;

/** This error's own SQLSTATE (not its causes'). */
function sqlStateOf(e: ErrorLike): string | undefined {
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;
}

function isDrizzleQueryError(err: ErrorLike): boolean {
  return typeof err.query === 'string' && 'params' in err && err.message.startsWith('Failed query:');
}

/** The message of one error (not its causes), safe to log or store. */
export function safeMessageOf(err: unknown): string {
  if (!(err instanceof Error)) return maskValues(String(err));
  const e = err as ErrorLike;
  // drizzle: the SQL text has placeholders; the params line is dropped entirely.
  if (isDrizzleQueryError(e)) return `Failed query: ${maskValues(e.query as string)}`;
  const ownState = sqlStateOf(e);
  if (ownState) return databaseMessage(e.message, ownState);
  return maskValues(e.message);
}

/**
 * Stack frames only: the first lines of a stack repeat the message, values and all. Frames are
 * code locations (function, file, line:column), so only non-ASCII (a folder's name) is masked.
 */
function framesOf(err: Error): string {
  return (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.replace(/[^\x00-\x7f]+/g, MASK))
    .join('\n');
}

export type SafeError = {
  type: string;
  message: string;
  stack: string;
  code?: string;
  statusCode?: number;
  detail?: string;
  query?: string;
  cause?: SafeError;
  errors?: SafeError[];
} & Partial<Record<(typeof NAMING_FIELDS)[number], string>>;

/** An error for the log: type, safe message, frames, SQLSTATE and the names a driver reports; causes likewise. */
export function safeError(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) return { type: typeof err, message: maskValues(String(err)), stack: '' };
  const e = err as ErrorLike;
  const message = safeMessageOf(e);
  const state = sqlStateOf(e);
  // PGlite's error class is minified ("O"): a driver error with a SQLSTATE is a DatabaseError.
  const type = state && typeof e.severity === 'string' ? 'DatabaseError' : e.constructor?.name || e.name || 'Error';
  const out: SafeError = { type, message, stack: `${type}: ${message}\n${framesOf(e)}` };
  if (typeof e.code === 'string') out.code = state ?? (/^[A-Z][A-Z0-9_]{0,63}$/.test(e.code) ? e.code : MASK);
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  for (const field of NAMING_FIELDS) {
    const v = e[field];
    if (typeof v === 'string' && v) out[field] = maskValues(v);
  }
  if (typeof e.detail === 'string') {
    const detail = safeDetail(e.detail);
    if (detail) out.detail = detail;
  }
  if (isDrizzleQueryError(e)) out.query = maskValues(e.query as string);
  if (e.cause !== undefined && depth < MAX_CAUSES) out.cause = safeError(e.cause, depth + 1);
  // AggregateError (e.g. every address of a database host refused the connection).
  if (Array.isArray(e.errors) && depth < MAX_CAUSES) out.errors = e.errors.slice(0, 3).map((x) => safeError(x, depth + 1));
  return out;
}

/** One line for a job's last_error and similar stored text: the messages down the cause chain and the SQLSTATE. */
export function safeErrorSummary(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && depth <= MAX_CAUSES; e = (e as { cause?: unknown }).cause, depth++) {
    parts.push(safeMessageOf(e));
    if (!(e instanceof Error)) break;
  }
  const state = sqlState(err);
  return `${parts.join(' ← ')}${state ? ` [SQLSTATE ${state}]` : ''}`.slice(0, MAX_TEXT);
}
