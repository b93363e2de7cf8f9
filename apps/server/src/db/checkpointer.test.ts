import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './index.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The writer's connection never checkpoints (wal_autocheckpoint = 0); the worker thread must, or
// committed pages would stay in the log forever and the log would grow without bound.
describe('SQLite checkpoints in a worker thread', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies committed pages into the database file without the writer checkpointing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-ckpt-'));
    dirs.push(dir);
    const file = path.join(dir, 'db.sqlite');
    const { db, close } = openDatabase({ kind: 'sqlite', file });
    try {
      expect(
        (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0],
      ).toEqual({ wal_autocheckpoint: 0 });
      await sql`create table blobs (id integer primary key, body text not null)`.execute(db);
      const before = fs.statSync(file).size;
      for (let i = 0; i < 40; i++)
        await sql`insert into blobs (body) values (${'x'.repeat(50_000)})`.execute(db);
      // 2 MB committed; the worker runs once a second.
      const deadline = Date.now() + 5000;
      while (fs.statSync(file).size < before + 2_000_000 && Date.now() < deadline) await sleep(100);
      expect(fs.statSync(file).size).toBeGreaterThan(before + 2_000_000);
    } finally {
      await close();
    }
  });
});
