import type { Insertable } from 'kysely';
import { hashPassword } from '../auth/passwords.ts';
import type { Executor } from '../db/index.ts';
import type { TransactionsTable } from '../db/schema.ts';
import { isoDate } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { type Random, seededRandom } from './random.ts';

export const DEMO_USERS = [
  {
    email: 'admin@logiaccounting.demo',
    password: 'Demo2024!Admin',
    first_name: 'Ada',
    last_name: 'Admin',
    role: 'admin',
    company_name: 'LogiAccounting Demo',
  },
  {
    email: 'client@logiaccounting.demo',
    password: 'Demo2024!Client',
    first_name: 'Carl',
    last_name: 'Client',
    role: 'client',
    company_name: 'Client Retail Co.',
  },
  {
    email: 'supplier@logiaccounting.demo',
    password: 'Demo2024!Supplier',
    first_name: 'Sue',
    last_name: 'Supplier',
    role: 'supplier',
    company_name: 'Supplier Industrial Ltd.',
  },
] as const;

export const DEMO_CATEGORIES = [
  { name: 'Raw Materials', type: 'material' },
  { name: 'Finished Goods', type: 'material' },
  { name: 'Office Supplies', type: 'material' },
  { name: 'Equipment', type: 'material' },
  { name: 'Sales Revenue', type: 'income' },
  { name: 'Service Income', type: 'income' },
  { name: 'Operating Expenses', type: 'expense' },
  { name: 'Material Costs', type: 'expense' },
  { name: 'Labor Costs', type: 'expense' },
  { name: 'Utilities', type: 'expense' },
] as const;

const DAY = 86_400_000;

/** Fills an empty database: nothing, the three demo users, or users plus two years of history. */
export async function seedIfEmpty(ctx: AppContext, mode: 'demo' | 'users' | 'none'): Promise<void> {
  if (mode === 'none') return;
  const anyUser = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    for (const u of DEMO_USERS) {
      const { password, ...rest } = u;
      await tx
        .insertInto('users')
        .values({
          ...rest,
          password_hash: await hashPassword(password),
          status: 'active',
          created_at: now.toISOString(),
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .execute();
    }
    if (mode === 'demo') await seedHistory(tx, now, seededRandom(2024));
  });
  if (mode === 'demo') await ctx.events.rebuildDerived();
}

async function seedHistory(tx: Executor, now: Date, rnd: Random): Promise<void> {
  const users = await tx.selectFrom('users').select(['id', 'role']).execute();
  const adminId = users.find((u) => u.role === 'admin')!.id;
  const counterparties = users.filter((u) => u.role !== 'admin').map((u) => u.id);
  const categories = await tx
    .insertInto('categories')
    .values([...DEMO_CATEGORIES])
    .returningAll()
    .execute();
  const byType = (t: string) => categories.filter((c) => c.type === t);
  const stamp = now.toISOString();

  // ~2,000 transactions over 24 months, with a seasonal swing and growth; all below the approval threshold.
  const rows: Insertable<TransactionsTable>[] = [];
  for (let day = 730; day >= 0; day--) {
    const date = new Date(now.getTime() - day * DAY);
    const month = date.getUTCMonth();
    const season = 1 + 0.25 * Math.sin(((month - 2) / 12) * 2 * Math.PI);
    const growth = 1 + (730 - day) / 1460;
    const count = rnd.int(1, 4);
    for (let i = 0; i < count; i++) {
      const income = rnd.next() < 0.45;
      const category = rnd.pick(income ? byType('income') : [...byType('expense'), ...byType('material')]);
      const base = income ? rnd.int(40_000, 450_000) : rnd.int(10_000, 280_000);
      rows.push({
        type: income ? 'income' : 'expense',
        amount_cents: Math.round(base * season * growth),
        category_id: category.id,
        date: isoDate(date),
        description: `${category.name} ${income ? 'invoice' : 'bill'} #${rows.length + 1001}`,
        project_id: rnd.next() < 0.3 ? `PRJ-${rnd.int(1, 12)}` : null,
        status: 'posted',
        created_by: adminId,
        created_at: stamp,
        updated_at: stamp,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('transactions')
      .values(rows.slice(i, i + 500))
      .execute();

  // ~40 materials, a few below their minimum stock.
  const materialNames = [
    'Steel sheet',
    'Copper wire',
    'Pallet',
    'Shrink wrap',
    'Cardboard box',
    'Bolt M8',
    'Paint (white)',
    'Forklift battery',
    'Printer paper',
    'Safety gloves',
  ];
  const materials = Array.from({ length: 40 }, (_, i) => {
    const minStock = rnd.int(10, 80);
    const low = i % 9 === 4;
    return {
      reference: `MAT-${String(i + 1).padStart(4, '0')}`,
      name: `${materialNames[i % materialNames.length]} ${Math.floor(i / materialNames.length) + 1}`,
      category_id: rnd.pick(byType('material')).id,
      location: `Warehouse ${rnd.pick(['A', 'B', 'C'])}-${rnd.int(1, 20)}`,
      quantity: low ? rnd.int(0, minStock) : rnd.int(minStock + 5, minStock * 6),
      min_stock: minStock,
      unit: rnd.pick(['unit', 'kg', 'm', 'box']),
      unit_cost_cents: rnd.int(150, 95_000),
      state: 'available' as const,
      created_at: stamp,
      updated_at: stamp,
    };
  });
  await tx.insertInto('materials').values(materials).execute();

  // ~150 payments: most paid, some overdue, a few due within three days.
  const payments = Array.from({ length: 150 }, (_, i) => {
    const offsetDays =
      i < 8 ? -rnd.int(1, 40) : i < 14 ? rnd.int(0, 3) : i < 30 ? rnd.int(4, 60) : -rnd.int(5, 700);
    const due = new Date(now.getTime() + offsetDays * DAY);
    const paid = i >= 30;
    const type = rnd.next() < 0.5 ? 'receivable' : 'payable';
    return {
      type: type as 'receivable' | 'payable',
      amount_cents: rnd.int(20_000, 900_000),
      due_date: isoDate(due),
      status: (paid ? 'paid' : 'pending') as 'paid' | 'pending',
      paid_date: paid ? isoDate(new Date(due.getTime() - rnd.int(0, 10) * DAY)) : null,
      counterparty_user_id: rnd.pick(counterparties),
      reference: `${type === 'receivable' ? 'INV' : 'BILL'}-${String(i + 1).padStart(5, '0')}`,
      description: type === 'receivable' ? 'Customer invoice' : 'Supplier bill',
      created_at: stamp,
    };
  });
  await tx.insertInto('payments').values(payments).execute();

  // Monthly budgets for expense categories over the last 6 months and this one.
  const budgets = [];
  for (let back = 6; back >= 0; back--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    for (const c of byType('expense')) {
      budgets.push({
        category_id: c.id,
        period: d.toISOString().slice(0, 7),
        amount_cents: rnd.int(8, 20) * 100_000,
        thresholds: '[50,80,100]',
        created_at: stamp,
      });
    }
  }
  await tx.insertInto('budgets').values(budgets).execute();
}
