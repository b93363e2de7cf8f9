/**
 * Fills a database with large synthetic history for benchmarks:
 *   npm run seed -- --transactions 1000000 [--database-url postgres://…] [--data-dir ./data]
 * Rows are generated in the database (bypassing the services), then every derived table is rebuilt once.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { isoDate } from '../platform/clock.ts';
import { DEMO_CATEGORIES } from './demo.ts';

const { values } = parseArgs({
  options: {
    transactions: { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    months: { type: 'string', default: '24' },
  },
});

const total = Number(values.transactions);
if (!Number.isSafeInteger(total) || total < 0 || total > 50_000_000) {
  console.error('--transactions must be a whole number between 0 and 50,000,000');
  process.exit(2);
}
const env = { ...process.env, LOG_LEVEL: 'warn', DEMO_DATA: '0' } as NodeJS.ProcessEnv;
if (values['database-url']) env.DATABASE_URL = values['database-url'];
if (values['data-dir']) env.DATA_DIR = values['data-dir'];

const app = await buildApp(loadConfig(env));
const { db, clock, engine } = app.ctx;

async function ensureCategories() {
  const existing = await db.selectFrom('categories').selectAll().execute();
  if (existing.length > 0) return existing;
  return db
    .insertInto('categories')
    .values([...DEMO_CATEGORIES])
    .returningAll()
    .execute();
}

function progress(done: number, started: number) {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} transactions  ${rate.toLocaleString('en')}/s `,
  );
}

const categories = await ensureCategories();
const income = categories.filter((c) => c.type === 'income');
const spend = categories.filter((c) => c.type !== 'income');
const admin = await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow();
const now = clock.now();
const spanDays = Number(values.months) * 30;
const stamp = now.toISOString();
const today = isoDate(now);
const chunk = 100_000;
const started = Date.now();

/**
 * Rows are generated inside the database (one INSERT … SELECT per 100k rows) instead of being
 * built in JavaScript and sent as parameters: a million rows take seconds, not minutes. Each
 * column is a deterministic hash of the row number (multiplicative hashing modulo a prime), so a
 * given size always produces the same ledger: 45 % income, amounts 10.00–5,000.00 (income) or
 * 10.00–3,000.00 (spending), dates spread over the last `months` × 30 days.
 */
const P = 4294967291; // largest prime below 2^32
const hash = (multiplier: number) => sql`(g.i * ${sql.lit(multiplier)} % ${sql.lit(P)})`;
const pickAmong = (h: ReturnType<typeof hash>, ids: readonly number[]) =>
  sql`case ${h} % ${sql.lit(ids.length)} ${sql.join(
    ids.map((id, k) => sql`when ${sql.lit(k)} then ${sql.lit(id)}`),
    sql` `,
  )} end`;
const isIncome = sql`(${hash(2654435761)} % 100 < 45)`;
const categoryId = sql`case when ${isIncome} then ${pickAmong(
  hash(2246822519),
  income.map((c) => c.id),
)} else ${pickAmong(
  hash(3266489917),
  spend.map((c) => c.id),
)} end`;
const amount = sql`case when ${isIncome} then 1000 + ${hash(668265263)} % 499001 else 1000 + ${hash(668265263)} % 299001 end`;
const daysAgo = sql`${hash(374761393)} % ${sql.lit(spanDays + 1)}`;
const date =
  engine === 'postgres'
    ? sql`(cast(${today} as date) - cast(${daysAgo} as integer))::text`
    : sql`date(${today}, '-' || cast(${daysAgo} as integer) || ' days')`;

for (let done = 0; done < total; ) {
  const size = Math.min(chunk, total - done);
  const numbers =
    engine === 'postgres'
      ? sql`select i::bigint as i from generate_series(${done + 1}::bigint, ${done + size}::bigint) as s(i)`
      : sql`select value as i from (with recursive n(value) as (select ${sql.lit(done + 1)} union all select value + 1 from n where value < ${sql.lit(done + size)}) select value from n)`;
  await sql`
    insert into transactions (type, amount_cents, category_id, date, description, project_id, status, created_by, created_at, updated_at)
    select case when r.income then 'income' else 'expense' end, r.amount, r.category_id, r.date,
      'Synthetic ' || lower(c.name), null, 'posted', ${admin.id}, ${stamp}, ${stamp}
    from (
      select g.i, ${isIncome} as income, ${categoryId} as category_id, ${amount} as amount, ${date} as date
      from (${numbers}) as g
    ) as r
    join categories as c on c.id = r.category_id
    order by r.i`.execute(db);
  done += size;
  progress(done, started);
}
process.stderr.write('\nRebuilding rollups…\n');
await app.ctx.events.rebuildDerived();
console.log(
  `Seeded ${total.toLocaleString('en')} transactions in ${((Date.now() - started) / 1000).toFixed(1)} s (${engine}).`,
);
await app.close();
