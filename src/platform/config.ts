// The one place that reads the environment. Parsed once with zod; every problem is listed at once.
import { z } from 'zod';
import { resolve } from 'node:path';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

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
  };
}
