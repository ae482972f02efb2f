import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from './config.ts';
import { safeError } from './safe-error.ts';

export type { Logger };

// Secrets and personal data never reach the log: cookies, tokens, passwords are redacted by path.
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
];

/** Requests are logged by path only: query strings may carry search terms (phones, ID numbers). */
function serializeRequest(req: { method: string; url: string; ip?: string }) {
  return { method: req.method, path: req.url.split('?')[0], remoteAddress: req.ip };
}

export function loggerOptions(level: Config['logLevel']): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { app: 'lastmile' },
    // Errors never carry query values or row details into the log (see safe-error.ts).
    serializers: { req: serializeRequest, err: safeError },
  };
}

export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
