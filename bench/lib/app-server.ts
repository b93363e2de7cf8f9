import type { ChildProcess } from 'node:child_process';
import { CORES, spawnPinned, stop, waitForHttp } from './proc.ts';

export interface RunningServer {
  url: string;
  child: ChildProcess;
  token(role?: 'admin'): Promise<string>;
  stop(): Promise<void>;
}

/** Our built server on the server core, on a given database. */
export async function startAppServer(port: number, env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const child = spawnPinned(CORES.server, process.execPath, ['apps/server/dist/main.js'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DEMO_DATA: '0',
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`);
  return {
    url,
    child,
    async token() {
      const res = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@logiaccounting.demo', password: 'Demo2024!Admin' }),
      });
      return ((await res.json()) as { token: string }).token;
    },
    stop: () => stop(child),
  };
}

export async function api<T>(
  server: RunningServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
