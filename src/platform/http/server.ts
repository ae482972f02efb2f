// The Fastify app every module shares: zod validation, compiled serialization (serializer.ts), OpenAPI, the error model,
// security headers, the built web UI with client-side routing. Modules are mounted by src/app/http.ts.
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { compiledSerializerCompiler } from './serializer.ts';
import { loggerOptions, type Logger } from '../logger.ts';
import { AppError } from '../errors.ts';
import { APP_VERSION } from '../version.ts';
import { errorHandler } from './error-handler.ts';
import { zodValidatorCompiler } from './validation.ts';
import { registerInputNormalisation } from './normalise-input.ts';
import type { ZodApp } from './types.ts';
import type { Config } from '../config.ts';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export type HttpServerOptions = { logger?: FastifyServerOptions['logger']; loggerInstance?: Logger; serveWeb?: boolean };

/** What the composition root mounts: the API under /api (behind its authentication) and other prefixes. */
export type HttpMounts = {
  api: (api: ZodApp) => Promise<void>;
  /** Other prefixes with their own conventions (e.g. Open311's paths and errors). */
  others?: { prefix: string; register: (scope: ZodApp) => Promise<void> | void }[];
};

/** The Fastify app with everything modules share; the composition root (src/app) mounts the modules. */
export async function buildHttpServer(config: Config, mounts: HttpMounts, options: HttpServerOptions = {}): Promise<ZodApp> {
  const app = Fastify({
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: options.logger ?? loggerOptions(config.logLevel) }),
    genReqId: () => randomUUID(),
    bodyLimit: config.http.bodyLimit,
    trustProxy: config.http.trustProxy,
    return503OnClosing: true,
    // One log line per request (below), not fastify's two ("incoming request" + "request completed").
    disableRequestLogging: true,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as unknown as ZodApp; // pino's Logger vs FastifyBaseLogger typing only

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(compiledSerializerCompiler);
  app.setErrorHandler(errorHandler);
  // Before any route exists, so every route (and every plugin's own parser) goes through it.
  registerInputNormalisation(app);
  // While shutting down, answer in-flight requests with `Connection: close`: otherwise a keep-alive
  // socket that turns idle after close() began keeps the process waiting for its timeout (72 s).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ req: request, statusCode: reply.statusCode, responseTime: reply.elapsedTime }, 'request completed');
    done();
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

  await app.register(async (api) => mounts.api(api as unknown as ZodApp), { prefix: '/api' });
  for (const other of mounts.others ?? []) {
    await app.register(async (scope) => other.register(scope as unknown as ZodApp), { prefix: other.prefix });
  }

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
