// fetch wrapper for the same-origin /api: CSRF header, JSON, typed errors, 401 handling.
import type { ZodType } from 'zod';
import { ApiErrorBody } from '../../../src/lib/api-error.schema.ts';

/** Every failure, including network and malformed responses, carries a bilingual ApiErrorBody. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;
  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

type Query = Record<string, string | number | undefined>;
interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** Sent as JSON, except a Blob (an uploaded file), which is sent as is. */
  body?: unknown;
  /** Content type of a Blob body; defaults to the Blob's own type. */
  contentType?: string;
  schema?: ZodType<T>;
}

// Calls whose 401 means "wrong password" or "not logged in yet" rather than "session expired".
const NO_REDIRECT_ON_401 = new Set(['/auth/me', '/auth/login', '/auth/password']);
let onUnauthenticated: () => void = () => {};
let onPasswordChangeRequired: () => void = () => {};

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Called when the server refuses a call until the user changes their (initial or reset) password. */
export function setPasswordChangeRequiredHandler(handler: () => void): void {
  onPasswordChangeRequired = handler;
}

function readCookie(name: string): string | undefined {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : undefined;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

function syntheticError(error: string, message: string, messageZh: string): ApiErrorBody {
  return { error, message, messageZh };
}

async function errorFrom(res: Response): Promise<ApiError> {
  const parsed = ApiErrorBody.safeParse(await res.json().catch(() => null));
  if (parsed.success) return new ApiError(res.status, parsed.data);
  // A proxy or crash page rather than our JSON error body.
  return new ApiError(
    res.status,
    syntheticError(
      `http_${res.status}`,
      `Server error (${res.status}). Please try again later.`,
      `服务器错误（${res.status}），请稍后重试`,
    ),
  );
}

/** fetch with the CSRF header, turning network failures and non-2xx answers into ApiError. */
async function send(path: string, options: Omit<RequestOptions<unknown>, 'schema'>, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept };
  const raw = options.body instanceof Blob ? options.body : undefined;
  if (raw) headers['content-type'] = options.contentType ?? (raw.type || 'application/octet-stream');
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie('lm_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
  }

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError(
      0,
      syntheticError(
        'network_error',
        'Cannot reach the server. Check your connection and try again.',
        '无法连接服务器，请检查网络后重试',
      ),
    );
  }

  if (!res.ok) {
    const error = await errorFrom(res);
    if (res.status === 401 && !NO_REDIRECT_ON_401.has(path)) onUnauthenticated();
    if (res.status === 403 && error.body.error === 'password_change_required') onPasswordChangeRequired();
    throw error;
  }
  return res;
}

export async function request<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const res = await send(path, options, 'application/json');
  if (res.status === 204 || !options.schema) return undefined as T;

  const parsed = options.schema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) {
    // Contract drift between server and UI: fail loudly in the console, politely on screen.
    console.error(`Unexpected response from ${options.method ?? 'GET'} ${path}`, parsed.error);
    throw new ApiError(
      res.status,
      syntheticError('bad_response', 'The server returned data in an unexpected format.', '服务器返回的数据格式不正确'),
    );
  }
  return parsed.data;
}

/** The file name from `content-disposition` (RFC 5987 `filename*` first), else the fallback. */
function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // malformed encoding: try the plain form
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads a file (an .xlsx export, template or report) and hands it to the browser's save
 * dialog. Unlike a plain link, a refusal (403, expired session) shows as an error message on the
 * page instead of a JSON document in a new tab.
 */
export async function downloadFile(path: string, fallbackName: string, query?: Query): Promise<void> {
  const res = await send(path, { query }, '*/*');
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(res, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.body.error === code);
}
