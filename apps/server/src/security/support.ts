import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { SignJWT } from 'jose';
import { sql } from 'kysely';
import type { AppContext } from '../platform/context.ts';

/** What the contract promises for every 4xx: `{detail: "<sentence>", errors?: [{path, message}]}`. */
export function contractErrorProblems(res: LightMyRequestResponse): string[] {
  const problems: string[] = [];
  if (!String(res.headers['content-type'] ?? '').startsWith('application/json'))
    problems.push(`content-type is ${String(res.headers['content-type'])}, not JSON`);
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return [...problems, `body is not JSON: ${res.body.slice(0, 200)}`];
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return [...problems, 'body is not an object'];
  const record = body as Record<string, unknown>;
  const extra = Object.keys(record).filter((k) => k !== 'detail' && k !== 'errors');
  if (extra.length) problems.push(`unexpected keys ${extra.join(', ')}`);
  if (typeof record.detail !== 'string' || record.detail.trim() === '')
    problems.push('detail is not a sentence');
  if (record.errors !== undefined) {
    const ok =
      Array.isArray(record.errors) &&
      record.errors.every(
        (e: unknown) =>
          typeof e === 'object' &&
          e !== null &&
          typeof (e as Record<string, unknown>).path === 'string' &&
          typeof (e as Record<string, unknown>).message === 'string',
      );
    if (!ok) problems.push('errors is not a list of {path, message}');
  }
  return problems;
}

/**
 * A digest per table of everything stored, to prove a rejected request changed nothing. Tables are
 * found by introspection, so tables added by later modules are included without editing this.
 */
export async function digestTables(ctx: AppContext): Promise<Record<string, string>> {
  let tables = await ctx.db.introspection.getTables();
  if (ctx.engine === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(ctx.db);
    tables = tables.filter((t) => t.schema === rows[0]?.schema);
  }
  const digests: Record<string, string> = {};
  for (const table of tables) {
    if (table.isView || table.name.startsWith('kysely_')) continue;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(
      ctx.db,
    );
    const lines = rows
      .map((row) =>
        JSON.stringify(
          Object.entries(row).sort(([a], [b]) => a.localeCompare(b)),
          (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
        ),
      )
      .sort();
    digests[table.name] =
      `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return digests;
}

/** Tables whose digest differs (names only, so a failure reads "payments changed"). */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Tokens an attacker could present for a real user id: none of them may open anything. */
export async function hostileTokens(ctx: AppContext, userId: string, role = 'admin') {
  const now = Math.floor(Date.now() / 1000);
  const otherKey = new TextEncoder().encode('another-secret-that-is-long-enough-9876543210');
  const stored = await ctx.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'jwt_secret')
    .executeTakeFirst();
  const realKey = new TextEncoder().encode(ctx.config.jwtSecret ?? stored?.value ?? 'no-key');
  return {
    expired: await ctx.tokens.sign({ userId: Number(userId), role: 'admin' }, -60),
    'signed with another key': await new SignJWT({ role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime(now + 3600)
      .sign(otherKey),
    'alg none': `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: userId, role, iat: now, exp: now + 3600 })}.`,
    'HS512 with the real key': await new SignJWT({ role })
      .setProtectedHeader({ alg: 'HS512', typ: 'JWT' })
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime(now + 3600)
      .sign(realKey),
    'real signature, edited payload': await (async () => {
      const genuine = await ctx.tokens.sign({ userId: Number(userId), role: 'admin' });
      const [header, , signature] = genuine.split('.');
      return `${header}.${b64url({ sub: String(Number(userId) + 1), role, iat: now, exp: now + 3600 })}.${signature}`;
    })(),
    garbage: 'not-a-jwt',
  };
}
