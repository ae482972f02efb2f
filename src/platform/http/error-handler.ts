// The one place that turns any error into the HTTP answer `{ error, message, messageZh, fields? }`.
// AppErrors keep their code; Fastify's own 4xx errors get a code of ours; anything else is a 500
// that shows only the request id (the details go to the log).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../errors.ts';
import type { ApiErrorBody } from '../../lib/api-error.schema.ts';

const FASTIFY_ERRORS: Record<string, [ErrorCode, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid_json', 'The request body is not valid JSON', '请求体不是有效的 JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_json', 'The JSON request body is empty', 'JSON 请求体为空'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'The request body is too large', '请求体过大'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'Unsupported content type', '不支持的内容类型'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad_request', 'Content-Length does not match the body', 'Content-Length 与请求体不符'],
  FST_ERR_BAD_URL: ['bad_request', 'The URL is malformed', 'URL 格式错误'],
  FST_ERR_ASYNC_CONSTRAINT: ['bad_request', 'Bad request', '请求有误'],
};

export function toErrorBody(error: unknown, requestId: string, bodyLimit?: number): { status: number; body: ApiErrorBody; log: boolean } {
  if (error instanceof AppError) {
    const body: ApiErrorBody = { error: error.code, message: error.message, messageZh: error.messageZh, requestId };
    if (error.fields) body.fields = error.fields;
    return { status: error.status, body, log: error.status >= 500 };
  }
  const fe = error as FastifyError;
  const known = fe?.code ? FASTIFY_ERRORS[fe.code] : undefined;
  if (known) {
    const app = new AppError(...known);
    // A body over the limit: say what the limit is (an upload's size is the first thing users meet).
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' && bodyLimit) {
      const mib = `${Math.round((bodyLimit / 1048576) * 10) / 10} MiB`;
      return { status: app.status, body: { error: app.code, message: `${app.message}: at most ${mib} (${bodyLimit} bytes)`, messageZh: `${app.messageZh}：最多 ${mib}（${bodyLimit} 字节）`, requestId }, log: false };
    }
    return { status: app.status, body: { error: app.code, message: app.message, messageZh: app.messageZh, requestId }, log: false };
  }
  // JSON.parse errors thrown by a parser and any other client error Fastify marks with a 4xx.
  if (!isResponseSerializationError(error) && typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      status: fe.statusCode,
      body: { error: 'bad_request', message: fe.message || 'Bad request', messageZh: '请求有误', requestId },
      log: false,
    };
  }
  return {
    status: 500,
    body: {
      error: 'internal',
      message: `Internal error; quote request id ${requestId} when reporting it`,
      messageZh: `系统内部错误，请向管理员提供请求编号 ${requestId}`,
      requestId,
    },
    log: true,
  };
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body, log } = toErrorBody(error, request.id, request.routeOptions?.bodyLimit);
  if (log) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.error, status }, 'request rejected');
  return reply.status(status).send(body);
}
