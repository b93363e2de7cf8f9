import { clearSession, getSession } from '../auth/session.ts';

export const API_BASE = '/api/v1';

/** A failed API call, carrying the contract's error body in a shape forms can use. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  /** Validation messages keyed by field path (`amount`, `layout.0.w`). */
  readonly fieldErrors: Record<string, string>;

  constructor(status: number, detail: string, fieldErrors: Record<string, string> = {}) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
  }
}

const FALLBACK_DETAIL: Record<number, string> = {
  0: 'Cannot reach the server. Check your connection and try again.',
  401: 'Your session has ended. Please sign in again.',
  403: 'You are not allowed to do this.',
  404: 'This item does not exist or is not yours.',
  413: 'What you sent is too large.',
  429: 'Too many requests. Wait a moment and try again.',
};

async function toApiError(res: Response): Promise<ApiError> {
  const fallback = FALLBACK_DETAIL[res.status] ?? `The server could not do this (error ${res.status}).`;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy page, an empty body): the fallback sentence is all we have.
  }
  if (typeof body !== 'object' || body === null) return new ApiError(res.status, fallback);
  const { detail, errors } = body as { detail?: unknown; errors?: unknown };
  const fieldErrors: Record<string, string> = {};
  if (Array.isArray(errors)) {
    for (const item of errors as { path?: unknown; message?: unknown }[]) {
      if (typeof item.path === 'string' && typeof item.message === 'string' && !(item.path in fieldErrors)) {
        fieldErrors[item.path] = item.message;
      }
    }
  }
  return new ApiError(res.status, typeof detail === 'string' ? detail : fallback, fieldErrors);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const token = getSession()?.token;
  const headers: Record<string, string> = { Accept: 'application/json' };
  // Only declare JSON when there is a body: Fastify rejects an empty JSON body.
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;

  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, FALLBACK_DETAIL[0] ?? 'Network error');
  }

  // A rejected token ends the session; the route guards then send the user to /login.
  if (res.status === 401 && token) clearSession();
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  del: <T = void>(path: string) => request<T>('DELETE', path),
};

/** `?a=1&b=2` from the defined, non-empty entries (empty string when none). */
export function toQuery(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  return 'Something went wrong. Please try again.';
}
