import { vi } from 'vitest';

export interface Call {
  method: string;
  path: string;
  body: unknown;
}
type Reply = { status?: number; body?: unknown } | ((call: Call) => { status?: number; body?: unknown });

/**
 * Stubs `fetch` with a table of `"METHOD /api/v1/path"` → reply (query string included when given).
 * Unknown routes answer 404 so a test fails loudly instead of hanging. Returns the recorded calls.
 */
export function fakeApi(routes: Record<string, Reply>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const call: Call = {
        method,
        path: input,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      };
      calls.push(call);
      const route = routes[`${method} ${input}`] ?? routes[`${method} ${input.split('?')[0]}`];
      const reply = typeof route === 'function' ? route(call) : route;
      if (!reply)
        return new Response(JSON.stringify({ detail: `No fake for ${method} ${input}` }), { status: 404 });
      const status = reply.status ?? 200;
      return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return calls;
}
