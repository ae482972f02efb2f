import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression<RawServerDefault>,
  RawReplyDefaultExpression<RawServerDefault>,
  FastifyBaseLogger,
  ZodTypeProvider
>;


declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (login, health). Everything else requires one. */
    public?: boolean;
    /** The permission (declared in a module's policy file) a caller needs; required unless public. */
    permission?: string;
  }
}
