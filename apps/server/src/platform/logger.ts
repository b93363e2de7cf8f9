import type { FastifyServerOptions } from 'fastify';

/** Paths never written to a log line: credentials and tokens, wherever they appear. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.token',
  '*.password_hash',
  'password',
  'token',
];

/**
 * The path as logged: no query string (the WebSocket takes its token there) and no share-link token
 * (`/dashboard/shared/<token>`, `/api/v1/dashboards/shared/<token>/…`: whoever holds it reads the figures).
 */
export function loggedPath(url: string): string {
  return (url.split('?')[0] ?? '').replace(/\/shared\/[^/]+/g, '/shared/[redacted]');
}

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: loggedPath(req.url),
        ip: req.ip,
      }),
    },
    ...(stream ? { stream } : {}),
  };
}
