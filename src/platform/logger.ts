import { pino, stdSerializers, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from './config.ts';

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

/** Errors without their SQL parameter values (drizzle puts the bound values in `params`). */
function serializeError(err: Error) {
  const out = stdSerializers.err(err) as Record<string, unknown>;
  const strip = (o: Record<string, unknown> | undefined) => {
    if (!o || typeof o !== 'object') return;
    delete o.params;
    delete o.parameters;
    delete o.detail; // PostgreSQL puts the offending row values here ("Key (x)=(...) already exists")
    strip(o.cause as Record<string, unknown> | undefined);
  };
  strip(out);
  return out;
}

export function loggerOptions(level: Config['logLevel']): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { app: 'lastmile' },
    serializers: { req: serializeRequest, err: serializeError },
  };
}

export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
