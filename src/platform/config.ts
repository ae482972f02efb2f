// The one place that reads the environment. Parsed once with zod; every problem is listed at once.
import { z } from 'zod';
import { resolve } from 'node:path';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Bounds of an uploaded spreadsheet (checked by src/modules/imports/upload-limits.ts; see there). */
export type UploadLimits = {
  uploadBytes: number;
  zipEntries: number;
  entryBytes: number;
  partBytes: number;
  inflatedBytes: number;
  ratio: number;
  ratioFloorBytes: number;
  rows: number;
  columns: number;
  cellChars: number;
  sharedStrings: number;
  sharedStringChars: number;
  xmlDepth: number;
};

const MiB = 1024 * 1024;
export const UPLOAD_LIMIT_DEFAULTS: Readonly<UploadLimits> = Object.freeze({
  uploadBytes: 50 * MiB,
  zipEntries: 1000,
  entryBytes: 1024 * MiB,
  partBytes: 16 * MiB,
  inflatedBytes: 1536 * MiB,
  ratio: 200,
  ratioFloorBytes: 16 * MiB,
  rows: 1_048_576,
  columns: 200,
  cellChars: 32_767,
  sharedStrings: 5_000_000,
  sharedStringChars: 100_000_000,
  xmlDepth: 64,
});
const limit = (key: keyof UploadLimits, min: number, what: string) => z.coerce.number().int().min(min).default(UPLOAD_LIMIT_DEFAULTS[key]).describe(what);

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .describe('PostgreSQL server; unset = embedded PGlite'),
  LASTMILE_DATA_DIR: z.string().min(1).default('./data').describe('PGlite data folder'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LASTMILE_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LASTMILE_MIGRATE_ON_START: bool.default(true),
  LASTMILE_SEED_DEMO: bool.default(true).describe('load demo data into an empty database on start'),
  LASTMILE_JOBS: bool.default(true).describe('run the background job worker in this process'),
  LASTMILE_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  LASTMILE_FIGURES_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(900).describe('seconds a process keeps a figure of a closed period (the period in progress: at most 60); 0 = off'),
  LASTMILE_SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5).describe('seconds a process reuses a looked-up session; another process sees a logout or role change within this; 0 = off'),
  LASTMILE_IMPORT_FILE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  LASTMILE_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  LASTMILE_TRUST_PROXY: bool.default(false),
  LASTMILE_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  LASTMILE_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(10).describe('failures of one account from one address before that address is refused for it'),
  LASTMILE_LOGIN_ACCOUNT_LOCK_ADDRESSES: z.coerce.number().int().min(2).max(1000).default(10).describe('addresses failing on one account (in a day) that lock the account'),
  LASTMILE_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  LASTMILE_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  LASTMILE_SELF_CHECK_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  LASTMILE_PUBLIC_REQUEST_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  LASTMILE_KEY_FILE: z.string().min(1).optional().describe('JSON key ring for field encryption'),
  LASTMILE_KEYS: z.string().min(1).optional().describe('the key ring JSON itself, instead of a file'),
  LASTMILE_SECURE_COOKIES: bool.default(false).describe('mark cookies Secure (serve over HTTPS)'),
  LASTMILE_AUDIT_ANCHOR_FILE: z.string().min(1).optional().describe('where signed audit chain heads are appended'),
  LASTMILE_UPLOAD_MAX_BYTES: limit('uploadBytes', 1024, 'bytes of an uploaded ledger or list (.xlsx compressed)'),
  LASTMILE_UPLOAD_MAX_ZIP_ENTRIES: limit('zipEntries', 10, 'entries in an uploaded .xlsx'),
  LASTMILE_UPLOAD_MAX_ENTRY_BYTES: limit('entryBytes', MiB, 'inflated bytes of one .xlsx entry'),
  LASTMILE_UPLOAD_MAX_PART_BYTES: limit('partBytes', 65_536, 'inflated bytes of the workbook, relationships or styles part'),
  LASTMILE_UPLOAD_MAX_INFLATED_BYTES: limit('inflatedBytes', MiB, 'inflated bytes of a whole .xlsx'),
  LASTMILE_UPLOAD_MAX_RATIO: limit('ratio', 10, 'compression ratio of one .xlsx entry'),
  LASTMILE_UPLOAD_RATIO_FLOOR_BYTES: limit('ratioFloorBytes', 65_536, 'inflated bytes before the ratio is checked'),
  LASTMILE_UPLOAD_MAX_ROWS: limit('rows', 1, 'data rows of an uploaded file'),
  LASTMILE_UPLOAD_MAX_COLUMNS: limit('columns', 10, 'columns of a row'),
  LASTMILE_UPLOAD_MAX_CELL_CHARS: limit('cellChars', 256, 'characters of one cell'),
  LASTMILE_UPLOAD_MAX_SHARED_STRINGS: limit('sharedStrings', 1000, 'entries of an .xlsx shared-string table'),
  LASTMILE_UPLOAD_MAX_SHARED_STRING_CHARS: limit('sharedStringChars', 65_536, 'characters of all shared strings'),
  LASTMILE_UPLOAD_MAX_XML_DEPTH: limit('xmlDepth', 8, 'nesting of XML elements in an .xlsx'),
  LASTMILE_AUDIT_ANCHOR_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60).describe('minutes between audit anchors; 0 = none'),
});

export type Config = {
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  http: { host: string; port: number; bodyLimit: number; trustProxy: boolean };
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  migrateOnStart: boolean;
  seedDemo: boolean;
  runJobs: boolean;
  sessionHours: number;
  /** How long a process reuses a looked-up session (0: never); changes made in another process take up to this long. */
  sessionCacheSeconds: number;
  figuresCacheSeconds: number;
  /** Days an uploaded ledger (encrypted) and its report are kept after the import ends. */
  importFileDays: number;
  shutdownTimeoutMs: number;
  /** Back-off: per account and address (maxFailures), the account after failures from many addresses, the lock time. */
  login: { maxFailures: number; lockMinutes: number; accountLockAddresses: number; ratePerMinute: number };
  /** Anonymous self-checks per client address per minute. */
  selfCheckPerMinute: number;
  /** Anonymous help-request submissions and status lookups (and keyless Open311 calls) per client address per minute. */
  publicRequestPerMinute: number;
  keys: { inline?: string; file: string; generateIfMissing: boolean };
  secureCookies: boolean;
  /** Signed heads of the audit chains, appended to `anchorFile` every `anchorMinutes` (0: never). */
  audit: { anchorFile: string; anchorMinutes: number };
  /** Bounds of uploaded spreadsheets (ledger imports, campaign lists). */
  uploads: UploadLimits;
};

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration / 配置有误:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parse a given environment (tests pass their own); throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as most process managers write them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.LASTMILE_DB_POOL_SIZE }
      : { kind: 'pglite', dataDir: resolve(e.LASTMILE_DATA_DIR) },
    http: { host: e.HOST, port: e.PORT, bodyLimit: e.LASTMILE_BODY_LIMIT_BYTES, trustProxy: e.LASTMILE_TRUST_PROXY },
    logLevel: e.LOG_LEVEL,
    migrateOnStart: e.LASTMILE_MIGRATE_ON_START,
    seedDemo: e.LASTMILE_SEED_DEMO,
    runJobs: e.LASTMILE_JOBS,
    sessionHours: e.LASTMILE_SESSION_HOURS,
    sessionCacheSeconds: e.LASTMILE_SESSION_CACHE_SECONDS,
    figuresCacheSeconds: e.LASTMILE_FIGURES_CACHE_SECONDS,
    importFileDays: e.LASTMILE_IMPORT_FILE_DAYS,
    shutdownTimeoutMs: e.LASTMILE_SHUTDOWN_TIMEOUT_MS,
    login: {
      maxFailures: e.LASTMILE_LOGIN_MAX_FAILURES,
      lockMinutes: e.LASTMILE_LOGIN_LOCK_MINUTES,
      accountLockAddresses: e.LASTMILE_LOGIN_ACCOUNT_LOCK_ADDRESSES,
      ratePerMinute: e.LASTMILE_LOGIN_RATE_PER_MINUTE,
    },
    selfCheckPerMinute: e.LASTMILE_SELF_CHECK_RATE_PER_MINUTE,
    publicRequestPerMinute: e.LASTMILE_PUBLIC_REQUEST_RATE_PER_MINUTE,
    // Without an explicit key, a key file is kept beside the data (generated on first start).
    keys: {
      ...(e.LASTMILE_KEYS ? { inline: e.LASTMILE_KEYS } : {}),
      file: resolve(e.LASTMILE_KEY_FILE ?? `${e.LASTMILE_DATA_DIR}/keys.json`),
      generateIfMissing: e.LASTMILE_KEY_FILE === undefined,
    },
    secureCookies: e.LASTMILE_SECURE_COOKIES,
    audit: {
      anchorFile: resolve(e.LASTMILE_AUDIT_ANCHOR_FILE ?? `${e.LASTMILE_DATA_DIR}/audit-anchors.jsonl`),
      anchorMinutes: e.LASTMILE_AUDIT_ANCHOR_MINUTES,
    },
    uploads: {
      uploadBytes: e.LASTMILE_UPLOAD_MAX_BYTES,
      zipEntries: e.LASTMILE_UPLOAD_MAX_ZIP_ENTRIES,
      entryBytes: e.LASTMILE_UPLOAD_MAX_ENTRY_BYTES,
      partBytes: e.LASTMILE_UPLOAD_MAX_PART_BYTES,
      inflatedBytes: e.LASTMILE_UPLOAD_MAX_INFLATED_BYTES,
      ratio: e.LASTMILE_UPLOAD_MAX_RATIO,
      ratioFloorBytes: e.LASTMILE_UPLOAD_RATIO_FLOOR_BYTES,
      rows: e.LASTMILE_UPLOAD_MAX_ROWS,
      columns: e.LASTMILE_UPLOAD_MAX_COLUMNS,
      cellChars: e.LASTMILE_UPLOAD_MAX_CELL_CHARS,
      sharedStrings: e.LASTMILE_UPLOAD_MAX_SHARED_STRINGS,
      sharedStringChars: e.LASTMILE_UPLOAD_MAX_SHARED_STRING_CHARS,
      xmlDepth: e.LASTMILE_UPLOAD_MAX_XML_DEPTH,
    },
  };
}
