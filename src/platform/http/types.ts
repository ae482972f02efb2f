import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Services } from '../services.ts';

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression<RawServerDefault>,
  RawReplyDefaultExpression<RawServerDefault>,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type AppDeps = { config: Config; database: Database; services: Services };

/** Each module's routes: registered under /api, behind authentication unless a route says `public`. */
export type RouteModule = (app: ZodApp, deps: AppDeps) => void | Promise<void>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (login, health). Everything else requires one. */
    public?: boolean;
    /** The permission (declared in a module's policy file) a caller needs; required unless public. */
    permission?: string;
  }
}
