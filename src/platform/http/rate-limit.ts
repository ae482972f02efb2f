// The refusal every rate-limited route gives: what was too frequent and when to retry, in both
// languages ("请 43 秒后再试", not the plugin's English "43 seconds").
import { AppError } from '../errors.ts';
import { waitText } from '../../lib/wait-time.ts';

/** An errorResponseBuilder for @fastify/rate-limit: `what` is the thing limited ("login attempts", "登录尝试"). */
export function rateLimitedError(what: { en: string; zh: string }) {
  return (_req: unknown, ctx: { ttl: number }): AppError => {
    const wait = waitText(ctx.ttl);
    return new AppError('rate_limited', `Too many ${what.en}; try again in ${wait.en}`, `${what.zh}过于频繁，请 ${wait.zh}后再试`);
  };
}
