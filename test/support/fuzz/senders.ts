// The two ways a fuzz request reaches the server: app.inject (tests) and real HTTP (the bench).
import type { ZodApp } from '../../../src/platform/http/types.ts';
import type { Answer, Sender } from './runner.ts';
import type { FuzzRequest } from './requests.ts';

function payloadOf(req: FuzzRequest): { body?: string; contentType?: string } {
  if (!req.body) return {};
  if ('json' in req.body) return { body: JSON.stringify(req.body.json), contentType: 'application/json' };
  return { body: req.body.raw, contentType: req.body.contentType };
}

export function injectSender(app: ZodApp): Sender {
  return async (req, headers, timeoutMs) => {
    const { body, contentType } = payloadOf(req);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { name: 'TimeoutError' })), timeoutMs);
    });
    try {
      const res = await Promise.race([
        app.inject({ method: req.method as 'GET', url: req.url, headers: { ...headers, ...(contentType ? { 'content-type': contentType } : {}) }, ...(body !== undefined ? { payload: body } : {}) }),
        timeout,
      ]);
      const setCookie = res.headers['set-cookie'];
      return { status: res.statusCode, body: res.body, setCookies: setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [String(setCookie)] } satisfies Answer;
    } finally {
      clearTimeout(timer);
    }
  };
}

export function httpSender(baseUrl: string): Sender {
  return async (req, headers, timeoutMs) => {
    const { body, contentType } = payloadOf(req);
    const res = await fetch(baseUrl + req.url, {
      method: req.method,
      headers: { ...headers, ...(contentType ? { 'content-type': contentType } : {}) },
      ...(body !== undefined ? { body } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Binary answers (xlsx, pdf, photos) are read and dropped; only JSON is kept for the pool.
    const type = res.headers.get('content-type') ?? '';
    const text = type.includes('json') ? await res.text() : (await res.arrayBuffer(), '');
    return { status: res.status, body: text, setCookies: res.headers.getSetCookie() };
  };
}
