import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/index.ts';

const run = promisify(execFile);
const CLI = path.join(import.meta.dirname, 'cli.ts');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// `npm run seed` as an admin runs it: a real process that must finish, exit 0 and leave the rows.
// (A worker thread that did not keep the process alive while closing once ended it with code 13.)
it('seeds the requested number of transactions and exits cleanly', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-seed-'));
  dirs.push(dir);
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', CLI, '--transactions', '500', '--data-dir', dir],
    {
      env: { ...process.env, LOG_LEVEL: 'warn' },
    },
  );
  expect(stdout).toContain('Seeded 500 transactions');
  const { db, close } = openDatabase(loadConfig({ DATA_DIR: dir }).database);
  try {
    const row = await db
      .selectFrom('transactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(row.n)).toBe(500);
  } finally {
    await close();
  }
}, 60_000);
