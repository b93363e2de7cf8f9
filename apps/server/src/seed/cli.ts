/**
 * Fills a database with large synthetic history for benchmarks:
 *   npm run seed -- --transactions 1000000 [--database-url postgres://…] [--data-dir ./data]
 * Rows are bulk-inserted (bypassing the services), then every derived table is rebuilt once.
 */
import { parseArgs } from 'node:util';
import type { Insertable } from 'kysely';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { TransactionsTable } from '../db/schema.ts';
import { isoDate } from '../platform/clock.ts';
import { DEMO_CATEGORIES } from './demo.ts';
import { seededRandom } from './random.ts';

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
const rnd = seededRandom(total);
const now = clock.now();
const spanDays = Number(values.months) * 30;
const stamp = now.toISOString();
const chunk = engine === 'sqlite' ? 500 : 2000;
const started = Date.now();

for (let done = 0; done < total; ) {
  const size = Math.min(chunk * 20, total - done);
  await db.transaction().execute(async (tx) => {
    for (let offset = 0; offset < size; offset += chunk) {
      const rows: Insertable<TransactionsTable>[] = [];
      for (let i = 0; i < Math.min(chunk, size - offset); i++) {
        const isIncome = rnd.next() < 0.45;
        const category = rnd.pick(isIncome ? income : spend);
        rows.push({
          type: isIncome ? 'income' : 'expense',
          amount_cents: rnd.int(1_000, isIncome ? 500_000 : 300_000),
          category_id: category.id,
          date: isoDate(new Date(now.getTime() - rnd.int(0, spanDays) * 86_400_000)),
          description: `Synthetic ${category.name.toLowerCase()}`,
          project_id: null,
          status: 'posted',
          created_by: admin.id,
          created_at: stamp,
          updated_at: stamp,
        });
      }
      await tx.insertInto('transactions').values(rows).execute();
    }
  });
  done += size;
  progress(done, started);
}
process.stderr.write('\nRebuilding rollups…\n');
await app.ctx.events.rebuildDerived();
console.log(
  `Seeded ${total.toLocaleString('en')} transactions in ${((Date.now() - started) / 1000).toFixed(1)} s (${engine}).`,
);
await app.close();
