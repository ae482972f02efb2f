// One error model. Domain code throws AppError with a stable code; the HTTP layer maps the code
// to a status in one table (STATUS_BY_CODE) and never shows the internals of anything else.

export type FieldProblem = { field: string; message: string; messageZh: string };

export const STATUS_BY_CODE = {
  validation_failed: 400,
  invalid_json: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  // The route is allowed, but this step or amount is beyond the caller's authority (e.g. a
  // township approving above its limit): distinct from `forbidden`, which is the route itself.
  beyond_authority: 403,
  password_change_required: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_exists: 409,
  has_children: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  account_locked: 429,
  // Login from one address slowed or refused for a while (login back-off).
  login_throttled: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageZh: string;
  readonly fields: FieldProblem[] | undefined;

  constructor(code: ErrorCode, message: string, messageZh: string, fields?: FieldProblem[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.messageZh = messageZh;
    this.fields = fields;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

// Factories for the common cases, so call sites read as sentences.
export const notFound = (what: string, whatZh: string) =>
  new AppError('not_found', `${what} not found`, `未找到${whatZh}`);

export const conflict = (message: string, messageZh: string) => new AppError('conflict', message, messageZh);

export const validationFailed = (fields: FieldProblem[]) =>
  new AppError(
    'validation_failed',
    `Invalid input: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
    `输入有误：${fields.map((f) => `${f.field}：${f.messageZh}`).join('；')}`,
    fields,
  );

export const fieldProblem = (field: string, message: string, messageZh: string): FieldProblem => ({
  field,
  message,
  messageZh,
});
