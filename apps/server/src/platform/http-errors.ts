import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, Invalid } from './errors.ts';

interface FieldError {
  path: string;
  message: string;
}

function fieldErrors(error: FastifyError): FieldError[] {
  return (error.validation ?? []).map((v) => {
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    return {
      path: path || (error.validationContext ?? 'body'),
      message: v.message ?? 'This value is not valid.',
    };
  });
}

function describe(errors: FieldError[]): string {
  const [first] = errors;
  if (!first) return 'The request is not valid.';
  const more =
    errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return `${first.path}: ${first.message}${more}`;
}

// Fastify's own client errors, reworded as sentences.
const FRAMEWORK_ERRORS: Record<string, { status: number; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, detail: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    detail: 'Send the request body as JSON (Content-Type: application/json).',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, detail: 'The request body is empty; send a JSON object.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, detail: 'The request body is not valid JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    detail: 'The Content-Length header does not match the body.',
  },
};

/** The single mapping from anything thrown to the contract's error shape. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const errors = fieldErrors(error);
      return reply.status(422).send({ detail: describe(errors), errors });
    }
    if (error instanceof Invalid) {
      return reply
        .status(422)
        .send({ detail: error.detail, errors: error.errors.length ? error.errors : undefined });
    }
    if (error instanceof AppError) return reply.status(error.status).send({ detail: error.detail });
    const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (known) return reply.status(known.status).send({ detail: known.detail });
    if (error.statusCode === 429)
      return reply.status(429).send({ detail: 'Too many attempts. Wait a minute and try again.' });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ detail: error.message });
    }
    if (isUnstorableText(error)) {
      return reply.status(422).send({ detail: 'Text cannot contain the NUL character (\\u0000).' });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply.status(503).send({ detail: 'The database is briefly unavailable. Please try again.' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ detail: 'Something went wrong on our side. Please try again.' });
  });
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P03',
  '08006',
  '08001',
  '08003',
  'SQLITE_BUSY',
]);

/**
 * PostgreSQL refuses NUL in text (SQLite stores it): a search or a name holding "\u0000" is bad
 * input, not a server fault. 22021: character not in repertoire; 22P05: untranslatable character.
 */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '22021' || code === '22P05';
}

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
    message,
  );
}

/**
 * Errors Fastify answers itself, before any hook or the error handler runs (Fastify's
 * `frameworkErrors` option): a malformed %-escape in the path, a path segment over the router's
 * limit. Without this they leave in Fastify's own `{error, code, message, statusCode}` shape.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const known: Record<string, { status: number; detail: string }> = {
    FST_ERR_BAD_URL: { status: 400, detail: 'The address is not valid: it holds a malformed %-escape.' },
    FST_ERR_MAX_PARAM_LENGTH: { status: 414, detail: 'The address is too long.' },
  };
  const answer = (error.code && known[error.code]) || { status: 400, detail: 'The request is not valid.' };
  reply.header('x-content-type-options', 'nosniff').status(answer.status).send({ detail: answer.detail });
}

export const notFoundBody = (method: string, url: string) => ({
  detail: `There is no ${method} ${url.split('?')[0]} endpoint.`,
});
