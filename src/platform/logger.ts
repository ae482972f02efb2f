import { pino, type Logger, type LoggerOptions } from 'pino';
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

export function loggerOptions(level: Config['logLevel']): LoggerOptions {
  return { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'lastmile' } };
}

export function createLogger(level: Config['logLevel']): Logger {
  return pino(loggerOptions(level));
}
