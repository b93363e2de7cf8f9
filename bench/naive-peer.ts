/**
 * The peer for widget data: the spec's approach (`_get_kpi_data` and friends) — load every row and
 * sum in application code on each request — serving the Executive Overview's six widgets from the
 * same database our server uses. Run: tsx bench/naive-peer.ts <port> <sqlite-file | postgres-url>
 */
import http from 'node:http';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

const [portArg = '8300', source = ''] = process.argv.slice(2);

interface Row {
  type: string;
  amount_cents: number;
  category_id: number;
  date: string;
  status: string;
}
interface PaymentRow {
  status: string;
  amount_cents: number;
}

type Loader = () => Promise<{
  transactions: Row[];
  payments: PaymentRow[];
  categories: { id: number; name: string }[];
}>;

function loader(): Loader {
  if (source.startsWith('postgres')) {
    pg.types.setTypeParser(20, Number);
    const pool = new pg.Pool({ connectionString: source, max: 4 });
    return async () => ({
      transactions: (await pool.query('SELECT * FROM transactions')).rows,
      payments: (await pool.query('SELECT * FROM payments')).rows,
      categories: (await pool.query('SELECT * FROM categories')).rows,
    });
  }
  const db = new SqliteDatabase(source, { readonly: true });
  return async () => ({
    transactions: db.prepare('SELECT * FROM transactions').all() as Row[],
    payments: db.prepare('SELECT * FROM payments').all() as PaymentRow[],
    categories: db.prepare('SELECT * FROM categories').all() as { id: number; name: string }[],
  });
}

const load = loader();

async function executiveOverview() {
  const { transactions, payments, categories } = await load();
  const posted = transactions.filter((t) => t.status === 'posted');
  const sum = (rows: Row[]) => rows.reduce((s, t) => s + t.amount_cents, 0);
  const income = posted.filter((t) => t.type === 'income');
  const expense = posted.filter((t) => t.type === 'expense');
  const byMonth = new Map<string, number>();
  for (const t of income)
    byMonth.set(t.date.slice(0, 7), (byMonth.get(t.date.slice(0, 7)) ?? 0) + t.amount_cents);
  const labels = [...byMonth.keys()].sort().slice(-12);
  const byCategory = new Map<number, number>();
  for (const t of expense)
    byCategory.set(t.category_id, (byCategory.get(t.category_id) ?? 0) + t.amount_cents);
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const pending = payments.filter((p) => p.status === 'pending');
  return {
    widgets: {
      w1: { value: sum(income) / 100, format: 'currency' },
      w2: { value: sum(expense) / 100, format: 'currency' },
      w3: { value: (sum(income) - sum(expense)) / 100, format: 'currency' },
      w4: {
        value: pending.reduce((s, p) => s + p.amount_cents, 0) / 100,
        format: 'currency',
        count: pending.length,
      },
      w5: { labels, datasets: [{ label: 'Revenue', data: labels.map((m) => (byMonth.get(m) ?? 0) / 100) }] },
      w6: {
        labels: [...byCategory.keys()].map((id) => names.get(id) ?? 'Other'),
        data: [...byCategory.values()].map((v) => v / 100),
      },
    },
  };
}

http
  .createServer(async (_req, res) => {
    const body = JSON.stringify(await executiveOverview());
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  })
  .listen(Number(portArg), '127.0.0.1', () => console.log('ready'));
