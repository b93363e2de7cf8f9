import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@logi/contracts';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { type BuildOptions, buildApp } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { type Config, loadConfig } from '../config.ts';
import type { UserRow } from '../db/schema.ts';
import { type Clock, fixedClock } from '../platform/clock.ts';

/**
 * Integration tests run the real app on a fresh database: a new SQLite file, or, when
 * TEST_DATABASE_URL is set, a new PostgreSQL schema that is dropped afterwards.
 */
export async function freshDatabaseConfig(): Promise<{
  database: Config['database'];
  cleanup: () => Promise<void>;
}> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    return {
      database: { kind: 'postgres', url, schema },
      cleanup: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-test-'));
  return {
    database: { kind: 'sqlite', file: path.join(dir, 'test.sqlite') },
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export function testConfig(database: Config['database'], overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ LOG_LEVEL: 'silent' }),
    database,
    seed: 'none',
    webDist: undefined,
    jwtSecret: 'test-secret-that-is-long-enough-0123456789',
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
  /** A user of this role with a bearer token, made in one line. */
  newUser(role?: Role, fields?: Partial<Pick<UserRow, 'email' | 'first_name' | 'status'>>): Promise<TestUser>;
  close(): Promise<void>;
}

export interface TestUser {
  row: UserRow;
  id: string;
  token: string;
  auth: { authorization: string };
}

let userCounter = 0;
// Hashing is deliberately slow; every factory user shares one precomputed hash.
const FACTORY_PASSWORD = 'factory-password-123';
const factoryHash = hashPassword(FACTORY_PASSWORD);

export { FACTORY_PASSWORD };

export async function startTestApp(
  options: BuildOptions & { config?: Partial<Config>; database?: Config['database']; now?: string } = {},
): Promise<TestApp> {
  const fresh = options.database
    ? { database: options.database, cleanup: async () => {} }
    : await freshDatabaseConfig();
  const clock = fixedClock(options.now ?? '2026-06-15T12:00:00Z');
  const app = await buildApp(testConfig(fresh.database, options.config), {
    clock: options.clock ?? (clock as Clock),
    ...options,
  });
  await app.ready();
  return {
    app,
    clock,
    async newUser(role = 'admin', fields = {}) {
      userCounter += 1;
      const row = await app.ctx.db
        .insertInto('users')
        .values({
          email: fields.email ?? `${role}${userCounter}-${randomBytes(3).toString('hex')}@test.example`,
          password_hash: await factoryHash,
          first_name: fields.first_name ?? `${role[0]?.toUpperCase()}${role.slice(1)}`,
          last_name: `Tester${userCounter}`,
          role,
          company_name: 'Test Co',
          status: fields.status ?? 'active',
          created_at: new Date().toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const token = await app.ctx.tokens.sign({ userId: row.id, role: row.role });
      return { row, id: String(row.id), token, auth: { authorization: `Bearer ${token}` } };
    },
    async close() {
      await app.close();
      await fresh.cleanup();
    },
  };
}

/**
 * What a test set up, undone after it in reverse order, so an app closes before its database is
 * dropped and a server stops before its data directory is removed.
 */
export function useCleanups(): { push(fn: () => Promise<void> | void): void } {
  const stack: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const fn of stack.splice(0).reverse()) await fn();
  });
  return { push: (fn) => void stack.push(fn) };
}

/** Gives each test of a file its own app and database. */
export function useTestApp(options: Parameters<typeof startTestApp>[0] = {}): () => TestApp {
  let current: TestApp | undefined;
  beforeEach(async () => {
    current = await startTestApp(options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useTestApp(): no app outside a test');
    return current;
  };
}
