import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { startCheckpointer } from './checkpointer.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: repos accept both. */
export type Executor = Db | Tx;
export type Engine = 'sqlite' | 'postgres';

// bigint (int8) and numeric come back from pg as strings; every such value we store or sum is an
// integer below 2^53 (cents), so Number() is exact.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

/**
 * Kysely's SQLite driver prepares every statement anew; a request runs the same dozen statements
 * each time, so preparing them once and reusing them saves the SQL parse on every call (SQLite
 * re-prepares a cached statement by itself after a schema change). Kysely uses a single connection
 * behind a mutex, so a cached statement is never run by two queries at once. Bounded: the least
 * recently used statement goes once the cache is full (ad-hoc SQL cannot grow it without limit).
 */
function withStatementCache(sqlite: SqliteDatabase.Database, max = 500) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(config.file), { recursive: true });
    const sqlite = new SqliteDatabase(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Sorts and temporary b-trees (a 20,000-recipient outbox insert) stay in memory: no temp file
    // to open, which also matters when a node's file descriptors are nearly all sockets.
    sqlite.pragma('temp_store = MEMORY');
    // Checkpoints happen in a worker thread (checkpointer.ts); should it fail, SQLite's own
    // automatic checkpoint takes over again so the log cannot grow without bound.
    sqlite.pragma('wal_autocheckpoint = 0');
    sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    const checkpointer = startCheckpointer(config.file, () => sqlite.pragma('wal_autocheckpoint = 1000'));
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return {
      db,
      engine: 'sqlite',
      close: async () => {
        await checkpointer.stop();
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  // An idle client losing its server (e.g. PostgreSQL restarting) must not crash the process.
  pool.on('error', () => {});
  // Nor may a checked-out one: the pool removes its idle listener on checkout, and a server
  // terminating the connection between two queries (57P01) then became an uncaught 'error' event
  // (reliability/postgres-restart.test.ts). The failure still reaches the query (→ 503), and the
  // pool discards the broken client on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}
