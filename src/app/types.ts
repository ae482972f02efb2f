// What the composition root hands every module's routes.
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db/client.ts';
import type { ZodApp } from '../platform/http/types.ts';
import type { Services } from './services.ts';

export type AppDeps = { config: Config; database: Database; services: Services };

/** Each module's routes: registered under /api, behind authentication unless a route says `public`. */
export type RouteModule = (app: ZodApp, deps: AppDeps) => void | Promise<void>;
