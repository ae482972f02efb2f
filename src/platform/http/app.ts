// Builds the Fastify app: zod validation and serialization, OpenAPI, the error model, the API
// modules under /api behind authentication, and the built web UI with client-side routing.
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { loggerOptions, type Logger } from '../logger.ts';
import { AppError } from '../errors.ts';
import { APP_VERSION } from '../version.ts';
import { errorHandler } from './error-handler.ts';
import { zodValidatorCompiler } from './validation.ts';
import type { AppDeps, RouteModule, ZodApp } from './types.ts';
import { authRoutes, registerAuthentication } from '../../modules/auth/index.ts';
import { jurisdictionRoutes } from '../../modules/jurisdictions/index.ts';
import { systemRoutes } from '../../modules/system/index.ts';
import { userRoutes } from '../../modules/users/index.ts';
import { auditRoutes } from '../../modules/audit/index.ts';
import { personRoutes } from '../../modules/persons/index.ts';
import { householdRoutes } from '../../modules/households/index.ts';
import { importRoutes } from '../../modules/imports/index.ts';
import { policyRoutes } from '../../modules/policy/index.ts';
import { paymentRoutes } from '../../modules/payments/index.ts';
import { caseRoutes } from '../../modules/cases/index.ts';
import { campaignRoutes } from '../../modules/campaigns/index.ts';
import { open311Routes, requestRoutes } from '../../modules/requests/index.ts';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Every module's routes; a new module adds one line here. */
const API_MODULES: RouteModule[] = [systemRoutes, authRoutes, userRoutes, auditRoutes, jurisdictionRoutes, personRoutes, householdRoutes, importRoutes, policyRoutes, paymentRoutes, caseRoutes, campaignRoutes, requestRoutes];

export type BuildAppOptions = { logger?: FastifyServerOptions['logger']; loggerInstance?: Logger; serveWeb?: boolean };

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<ZodApp> {
  const { config } = deps;
  const app = Fastify({
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: options.logger ?? loggerOptions(config.logLevel) }),
    genReqId: () => randomUUID(),
    bodyLimit: config.http.bodyLimit,
    trustProxy: config.http.trustProxy,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as unknown as ZodApp; // pino's Logger vs FastifyBaseLogger typing only

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // While shutting down, answer in-flight requests with `Connection: close`: otherwise a keep-alive
  // socket that turns idle after close() began keeps the process waiting for its timeout (72 s).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  await app.register(fastifyCookie);
  // Security headers. Ant Design injects its CSS at run time, hence 'unsafe-inline' for styles only.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'lastmile API',
        description: '最后一米 · 基层社会救助与民生服务平台 API. Errors are `{ error, message, messageZh, fields? }`.',
        version: APP_VERSION,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lm_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // staticCSP: the docs page gets its own policy allowing its inline bootstrap script.
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(
    async (api) => {
      const zapi = api as unknown as ZodApp;
      registerAuthentication(zapi, deps.services.auth);
      for (const routes of API_MODULES) await routes(zapi, deps);
    },
    { prefix: '/api' },
  );
  // Open311 GeoReport v2 for 12345-style systems: its own paths, api_key and error format.
  await app.register(async (scope) => open311Routes(deps)(scope as unknown as ZodApp), { prefix: '/open311/v2' });

  const serveWeb = (options.serveWeb ?? true) && existsSync(WEB_DIST);
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      index: ['index.html'],
      // Hashed assets never change; index.html must be re-fetched so a new build is picked up.
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const wantsPage = request.method === 'GET' && !path.startsWith('/api') && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage) {
      if (serveWeb) return reply.type('text/html').sendFile('index.html');
      return reply
        .type('text/html; charset=utf-8')
        .send('<p>lastmile: the web UI is not built. Run <code>npm run build</code>. 网页界面尚未构建，请运行 npm run build。</p>');
    }
    throw new AppError('route_not_found', `No route ${request.method} ${path}`, `接口不存在：${request.method} ${path}`);
  });

  return app;
}
