import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiToken, expect, signIn, test } from './fixtures.ts';

/**
 * The page stays open while its server goes away. Meanwhile another server process on the same
 * database records a transaction; when the first server is back, the page reconnects by itself and
 * shows the notification it missed (replayed with since=<last id>).
 */
const PORT = 8101;
const OTHER_PORT = 8102;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-e2e-restart-'));

function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['apps/server/dist/main.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return resolve(child);
      } catch {}
      if (Date.now() > deadline) return reject(new Error('server did not start'));
      setTimeout(poll, 100);
    };
    void poll();
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

test.use({ baseURL: `http://127.0.0.1:${PORT}`, allowedFailures: /ERR_CONNECTION_REFUSED|\/ws\?|WebSocket/ });
test.afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('after a server restart the open page reconnects and shows what happened meanwhile', async ({
  page,
}) => {
  let server = await startServer(PORT);
  try {
    await signIn(page, 'admin');
    await page.goto('/payments');
    await expect(page.getByText(/live/i).first()).toBeVisible();

    await stopServer(server);
    const other = await startServer(OTHER_PORT);
    const base = `http://127.0.0.1:${OTHER_PORT}`;
    const token = await apiToken(base, 'admin');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const categories = (await (await fetch(`${base}/api/v1/categories`, { headers })).json()) as {
      categories: { id: string; name: string }[];
    };
    const utilities = categories.categories.find((c) => c.name === 'Utilities')!;
    const created = await fetch(`${base}/api/v1/transactions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        type: 'expense',
        amount: 77.7,
        category_id: utilities.id,
        date: new Date().toISOString().slice(0, 10),
        description: 'Recorded while the page was cut off',
      }),
    });
    expect(created.status).toBe(201);
    await stopServer(other);

    server = await startServer(PORT);
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /77\.70|Recorded while the page was cut off/ })
        .first(),
    ).toBeVisible({ timeout: 45_000 });
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await expect(
      page.getByRole('list').filter({ hasText: 'Recorded while the page was cut off' }),
    ).toBeVisible();
  } finally {
    await stopServer(server);
  }
});
