import { WIDGET_TYPES, type WidgetConfig, type WidgetType } from '@logi/contracts';
import { describe, expect, it } from 'vitest';
import { type TestUser, useTestApp } from '../test/harness.ts';

/**
 * Every metric against one small, hand-built book. The clock stands at 2026-06-15 12:00 UTC, so
 * "this month" is June 2026 and "last month" May 2026. Expected figures are worked out by hand in
 * the comments, never by re-running the queries.
 */
const WIDGETS: [string, WidgetType, WidgetConfig][] = [
  ['revenue', 'kpi', { metric: 'total_revenue' }],
  ['expenses', 'kpi', { metric: 'total_expenses' }],
  ['profit', 'kpi', { metric: 'net_profit' }],
  ['cashIn', 'kpi', { metric: 'cash_in' }],
  ['cashOut', 'kpi', { metric: 'cash_out' }],
  ['pending', 'kpi', { metric: 'pending_payments' }],
  ['overdue', 'kpi', { metric: 'overdue_payments' }],
  ['items', 'kpi', { metric: 'total_items' }],
  ['lowStock', 'kpi', { metric: 'low_stock_count' }],
  ['stockValue', 'kpi', { metric: 'inventory_value' }],
  ['approvals', 'kpi', { metric: 'pending_approvals' }],
  ['revenueTrend', 'line_chart', { metric: 'revenue_trend' }],
  ['expenseTrend', 'bar_chart', { metric: 'expense_trend' }],
  ['cashFlow', 'area_chart', { metric: 'cash_flow_trend' }],
  ['stockByCat', 'bar_chart', { metric: 'stock_by_category' }],
  ['paymentsByStatus', 'bar_chart', { metric: 'payments_by_status' }],
  ['expensesByCat', 'donut_chart', { metric: 'expenses_by_category' }],
  ['revenueByCat', 'donut_chart', { metric: 'revenue_by_category' }],
  ['inventoryByCat', 'donut_chart', { metric: 'inventory_by_category' }],
  ['collection', 'gauge', { metric: 'collection_rate' }],
  ['budgetGauge', 'gauge', { metric: 'budget_utilization' }],
  ['recent', 'data_table', { metric: 'recent_transactions' }],
  ['topExpenses', 'data_table', { metric: 'top_expenses' }],
  ['lowStockTable', 'data_table', { metric: 'low_stock_materials' }],
  ['upcoming', 'data_table', { metric: 'upcoming_payments' }],
  ['dailyRevenue', 'sparkline', { metric: 'daily_revenue' }],
  ['dailyExpenses', 'sparkline', { metric: 'daily_expenses' }],
  ['budgetRing', 'progress_ring', { metric: 'budget_utilization' }],
  ['collectionRing', 'progress_ring', { metric: 'collection_rate' }],
  ['calendar', 'calendar', {}],
  ['notes', 'notes', { text: 'Call the bank on Monday.' }],
  ['alerts', 'alerts_feed', {}],
  ['budgetAlerts', 'alerts_feed', { filter: 'budgets' }],
  ['approvalAlerts', 'alerts_feed', { filter: 'approvals' }],
];

// biome-ignore lint/suspicious/noExplicitAny: widget payloads are checked field by field below
type Data = Record<string, any>;

describe('widget data, computed from a hand-built book', () => {
  const t = useTestApp();

  async function api(admin: TestUser, method: 'POST' | 'PUT', url: string, payload?: object) {
    const res = await t().app.inject({ method, url: `/api/v1${url}`, headers: admin.auth, payload });
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  }

  async function book() {
    const admin = await t().newUser('admin');
    const cat = async (name: string, type: string) =>
      (await api(admin, 'POST', '/categories', { name, type })).id;
    const sales = await cat('Sales', 'income');
    const services = await cat('Services', 'income');
    const rent = await cat('Rent', 'expense');
    const supplies = await cat('Supplies', 'expense');
    const steel = await cat('Steel', 'material');
    const paint = await cat('Paint', 'material');
    const tx = (type: string, amount: number, category_id: string, date: string, description = 'entry') =>
      api(admin, 'POST', '/transactions', { type, amount, category_id, date, description });
    await tx('income', 1000, sales, '2026-06-02', 'Invoice 1');
    await tx('income', 250.5, services, '2026-06-14', 'Consulting');
    await tx('income', 800, sales, '2026-05-10');
    await tx('income', 300, sales, '2025-12-20');
    await tx('expense', 400, rent, '2026-06-01');
    await tx('expense', 99.99, supplies, '2026-06-15', 'Paper');
    await tx('expense', 400, rent, '2026-05-01');
    await tx('expense', 50, supplies, '2026-04-03');
    // At or above the 10,000 approval threshold: waits for approval, counts nowhere.
    await tx('income', 20_000, sales, '2026-06-05', 'Big deal');
    const rejected = await tx('expense', 15_000, rent, '2026-06-06', 'Too much');
    const approvals = await t().app.inject({ url: '/api/v1/approvals?status=pending', headers: admin.auth });
    const toReject = approvals.json().approvals.find((a: Data) => a.transaction_id === rejected.id);
    await api(admin, 'POST', `/approvals/${toReject.id}/reject`);

    const pay = (type: string, amount: number, due_date: string, reference: string) =>
      api(admin, 'POST', '/payments', { type, amount, due_date, reference });
    const p1 = await pay('receivable', 500, '2026-06-10', 'INV-1');
    await api(admin, 'POST', `/payments/${p1.id}/pay`, { paid_date: '2026-06-12' });
    await pay('receivable', 300, '2026-06-20', 'INV-2');
    await pay('receivable', 200, '2026-06-01', 'INV-3'); // overdue
    const p4 = await pay('payable', 150, '2026-05-20', 'BILL-1');
    await api(admin, 'POST', `/payments/${p4.id}/pay`, { paid_date: '2026-05-25' });
    await pay('payable', 75.25, '2026-06-16', 'BILL-2');
    const p6 = await pay('receivable', 1000, '2026-05-05', 'INV-4');
    await api(admin, 'POST', `/payments/${p6.id}/pay`, { paid_date: '2026-05-06' });
    const p7 = await pay('receivable', 60, '2026-06-25', 'INV-5');
    await api(admin, 'PUT', `/payments/${p7.id}`, { status: 'cancelled' });

    const material = (
      name: string,
      category_id: string,
      quantity: number,
      min_stock: number,
      unit_cost: number,
    ) =>
      api(admin, 'POST', '/materials', {
        reference: name,
        name,
        category_id,
        quantity,
        min_stock,
        unit_cost,
        unit: 'kg',
      });
    await material('M1', steel, 10, 5, 2.5); // 25.00
    await material('M2', steel, 3, 5, 10); // 30.00, low
    await material('M3', steel, 0, 1, 100); // 0.00, out
    await material('M4', paint, 4, 2, 1.25); // 5.00

    const budget = (category_id: string, period: string, amount: number) =>
      api(admin, 'POST', '/budgets', { category_id, period, amount, thresholds: [50, 80, 100] });
    await budget(rent, '2026-06', 500); // 400 spent: 80%
    await budget(supplies, '2026-06', 50); // 99.99 spent: 199.98%
    await budget(supplies, '2026-05', 100); // nothing spent

    const layout = WIDGETS.map(([, type, config], i) => {
      const size = WIDGET_TYPES[type];
      return { type, x: 0, y: i * 10, w: size.min_w, h: size.min_h, config };
    });
    const dash = await api(admin, 'POST', '/dashboards', { name: 'All metrics', layout });
    const data = async (period = 'all'): Promise<Data> => {
      const res = await t().app.inject({
        url: `/api/v1/dashboards/${dash.id}/data?period=${period}`,
        headers: admin.auth,
      });
      expect(res.statusCode, res.body).toBe(200);
      const widgets = res.json().widgets;
      return Object.fromEntries(WIDGETS.map(([key], i) => [key, widgets[`w${i + 1}`]]));
    };
    return { admin, data, dash, tx, ids: { sales, rent } };
  }

  it('KPIs: totals over the period with the real month-on-month trend', async () => {
    const { data } = await book();
    const all = await data();
    // Revenue 1000 + 250.50 + 800 + 300 = 2350.50; June 1250.50 vs May 800 → +56.3 %.
    expect(all.revenue).toEqual({ value: 2350.5, format: 'currency', trend: 56.3 });
    // Expenses 400 + 99.99 + 400 + 50 = 949.99; June 499.99 vs May 400 → +25.0 %.
    expect(all.expenses).toEqual({ value: 949.99, format: 'currency', trend: 25 });
    // Net 1400.51; June 750.51 vs May 400 → +87.6 %.
    expect(all.profit).toEqual({ value: 1400.51, format: 'currency', trend: 87.6 });
    // Receivables paid: 500 (12 June) + 1000 (6 May); June 500 vs May 1000 → −50 %.
    expect(all.cashIn).toEqual({ value: 1500, format: 'currency', trend: -50 });
    expect(all.cashOut).toEqual({ value: 150, format: 'currency', trend: -100 });
    // Pending: 300 + 200 + 75.25; overdue: only INV-3 (due 1 June).
    expect(all.pending).toEqual({ value: 575.25, format: 'currency', count: 3 });
    expect(all.overdue).toEqual({ value: 200, format: 'currency', count: 1, alert: true });
    expect(all.items).toEqual({ value: 4, format: 'number' });
    expect(all.lowStock).toEqual({ value: 2, format: 'number', alert: true });
    // 10×2.50 + 3×10 + 0×100 + 4×1.25 = 60.00
    expect(all.stockValue).toEqual({ value: 60, format: 'currency' });
    // The 20,000 deal waits; the rejected 15,000 bill does not.
    expect(all.approvals).toMatchObject({ value: 1, alert: true });

    const june = await data('this_month');
    expect(june.revenue).toMatchObject({ value: 1250.5, trend: 56.3 });
    expect(june.expenses.value).toBe(499.99);
    expect(june.cashIn.value).toBe(500);
    expect(june.cashOut.value).toBe(0);
    const may = await data('last_month');
    expect([may.revenue.value, may.expenses.value, may.profit.value]).toEqual([800, 400, 400]);
    expect(may.pending).toEqual({ value: 0, format: 'currency', count: 0 });
    expect(may.approvals.value).toBe(0);
    const quarter = await data('this_quarter'); // April–June
    expect([quarter.revenue.value, quarter.expenses.value]).toEqual([2050.5, 949.99]);
    const year = await data('this_year'); // December 2025 is out
    expect(year.revenue.value).toBe(2050.5);
    const last12 = await data('last_12_months'); // July 2025 – June 2026
    expect(last12.revenue.value).toBe(2350.5);
  });

  it('charts and donuts', async () => {
    const { data } = await book();
    const all = await data();
    expect(all.revenueTrend).toEqual({
      labels: ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'],
      datasets: [{ label: 'Revenue', data: [300, 0, 0, 0, 0, 800, 1250.5] }],
    });
    expect((await data('this_quarter')).expenseTrend).toEqual({
      labels: ['2026-04', '2026-05', '2026-06'],
      datasets: [{ label: 'Expenses', data: [50, 400, 499.99] }],
    });
    expect((await data('last_month')).cashFlow).toEqual({
      labels: ['2026-05'],
      datasets: [
        { label: 'Income', data: [800] },
        { label: 'Expense', data: [400] },
      ],
    });
    expect(all.stockByCat).toEqual({
      labels: ['Steel', 'Paint'],
      datasets: [
        { label: 'Quantity', data: [13, 4] },
        { label: 'Value', data: [55, 5] },
      ],
    });
    expect(all.paymentsByStatus).toEqual({
      labels: ['pending', 'paid', 'cancelled'],
      datasets: [
        { label: 'Receivables', data: [500, 1500, 60] },
        { label: 'Payables', data: [75.25, 150, 0] },
      ],
    });
    expect(all.expensesByCat).toEqual({ labels: ['Rent', 'Supplies'], data: [800, 149.99] });
    expect(all.revenueByCat).toEqual({ labels: ['Sales', 'Services'], data: [2100, 250.5] });
    expect(all.inventoryByCat).toEqual({ labels: ['Steel', 'Paint'], data: [55, 5] });
    expect((await data('this_month')).expensesByCat).toEqual({
      labels: ['Rent', 'Supplies'],
      data: [400, 99.99],
    });
  });

  it('gauges and progress rings', async () => {
    const { data } = await book();
    const all = await data();
    // Receivables paid 1500 of billed 2000 (cancelled ones left out).
    expect(all.collection).toEqual({ value: 75, min: 0, max: 100, format: 'percent' });
    expect(all.collectionRing).toEqual({ value: 1500, max: 2000, format: 'currency' });
    // Budgets 500 + 50 + 100 = 650; spent in those months and categories: 400 + 99.99 + 0.
    expect(all.budgetGauge).toEqual({ value: 76.9, min: 0, max: 100, format: 'percent' });
    expect(all.budgetRing).toEqual({ value: 499.99, max: 650, format: 'currency' });
    const june = await data('this_month');
    expect(june.collection.value).toBe(50); // 500 of 1000 due in June
    expect(june.budgetGauge.value).toBe(90.9); // 499.99 of 550
  });

  it('tables, sparklines, calendar and notes', async () => {
    const { data } = await book();
    const all = await data();
    expect(all.recent.rows.map((r: Data) => [r.date, r.category, r.amount])).toEqual([
      ['2026-06-15', 'Supplies', 99.99],
      ['2026-06-14', 'Services', 250.5],
      ['2026-06-02', 'Sales', 1000],
      ['2026-06-01', 'Rent', 400],
      ['2026-05-10', 'Sales', 800],
      ['2026-05-01', 'Rent', 400],
      ['2026-04-03', 'Supplies', 50],
      ['2025-12-20', 'Sales', 300],
    ]);
    expect(all.topExpenses.rows).toEqual([
      { category: 'Rent', amount: 800, share: 84.2, count: 2 },
      { category: 'Supplies', amount: 149.99, share: 15.8, count: 2 },
    ]);
    expect(all.lowStockTable.rows.map((r: Data) => [r.name, r.quantity, r.min_stock])).toEqual([
      ['M3', 0, 1],
      ['M2', 3, 5],
    ]);
    expect(all.upcoming.rows.map((r: Data) => [r.due_date, r.reference, r.amount])).toEqual([
      ['2026-06-16', 'BILL-2', 75.25],
      ['2026-06-20', 'INV-2', 300],
    ]);
    // 30 days ending today: 17 May … 15 June.
    expect(all.dailyRevenue.labels).toHaveLength(30);
    expect(all.dailyRevenue.labels[0]).toBe('2026-05-17');
    expect(all.dailyRevenue.labels[29]).toBe('2026-06-15');
    const at = (s: Data, day: string) => s.data[s.labels.indexOf(day)];
    expect(at(all.dailyRevenue, '2026-06-02')).toBe(1000);
    expect(at(all.dailyRevenue, '2026-06-14')).toBe(250.5);
    expect(all.dailyRevenue.data.reduce((a: number, b: number) => a + b, 0)).toBe(1250.5);
    expect(at(all.dailyExpenses, '2026-06-15')).toBe(99.99);
    expect((await data('this_month')).dailyExpenses.labels).toHaveLength(15);
    expect(all.calendar.events.map((e: Data) => [e.date, e.type, e.entity_type])).toEqual([
      ['2026-06-01', 'receivable', 'payment'],
      ['2026-06-16', 'payable', 'payment'],
      ['2026-06-20', 'receivable', 'payment'],
    ]);
    expect(all.calendar.events[0].title).toContain('INV-3');
    expect(all.notes).toEqual({ text: 'Call the bank on Monday.' });
  });

  it('alerts feed: low stock, overdue payments, budget thresholds, approvals, with a filter', async () => {
    const { data } = await book();
    const all = await data();
    expect(all.alerts.alerts.map((a: Data) => [a.type, a.entity_type])).toEqual([
      ['error', 'material'], // M3 is out of stock
      ['error', 'payment'], // INV-3 overdue
      ['error', 'budget'], // Supplies June at 199.98 % (shown as 200)
      ['warning', 'material'], // M2 below minimum
      ['warning', 'budget'], // Rent June at 80 %
      ['info', 'approval'], // the 20,000 deal
    ]);
    // 99.99 of 50 is 199.98 %, shown with one decimal.
    expect(all.alerts.alerts[2].message).toContain('Supplies 2026-06: 200% used (passed 100%)');
    expect(all.budgetAlerts.alerts.map((a: Data) => a.message)).toEqual([
      expect.stringContaining('passed 100%'),
      expect.stringContaining('Rent 2026-06: 80% used (passed 80%)'),
    ]);
    expect(all.approvalAlerts.alerts).toHaveLength(1);
    expect((await data('last_month')).budgetAlerts.alerts).toEqual([]);
  });

  it('trend follows the data and the clock, and is null when last month is empty', async () => {
    const { data, tx, ids, admin } = await book();
    await tx('income', 549.5, ids.sales, '2026-06-15');
    // June 1800 vs May 800 → +125 %.
    expect((await data()).revenue).toMatchObject({ value: 2900, trend: 125 });
    // Approving the 20,000 deal posts it: it now counts everywhere.
    const pending = await t().app.inject({ url: '/api/v1/approvals?status=pending', headers: admin.auth });
    await api(admin, 'POST', `/approvals/${pending.json().approvals[0].id}/approve`);
    const after = await data();
    expect(after.revenue).toMatchObject({ value: 22_900, trend: 2625 });
    expect(after.approvals.value).toBe(0);
    // A month later, July has nothing yet: −100 %; two months later, June→July… July is empty: null.
    t().clock.set('2026-07-15T12:00:00Z');
    expect((await data()).revenue.trend).toBe(-100);
    t().clock.set('2026-08-15T12:00:00Z');
    expect((await data()).revenue.trend).toBeNull();
  });

  it('isolates a failing widget and answers the single-widget route', async () => {
    const { data, dash, admin } = await book();
    // A widget stored before its metric was retired (written straight to the table, as an old row would be).
    const stored = await t()
      .app.ctx.db.selectFrom('dashboards')
      .select('layout')
      .where('id', '=', Number(dash.id))
      .executeTakeFirstOrThrow();
    const layout = JSON.parse(stored.layout);
    layout[0].config.metric = 'retired_metric';
    await t()
      .app.ctx.db.updateTable('dashboards')
      .set({ layout: JSON.stringify(layout) })
      .where('id', '=', Number(dash.id))
      .execute();
    const all = await data();
    expect(all.revenue).toEqual({ error: expect.any(String) });
    expect(all.expenses.value).toBe(949.99);
    const one = await t().app.inject({
      url: `/api/v1/dashboards/${dash.id}/widgets/w2/data?period=this_month`,
      headers: admin.auth,
    });
    expect(one.json()).toEqual({ value: 499.99, format: 'currency', trend: 25 });
    const bad = await t().app.inject({
      url: `/api/v1/dashboards/${dash.id}/data?period=forever`,
      headers: admin.auth,
    });
    expect(bad.statusCode).toBe(422);
    const missing = await t().app.inject({
      url: `/api/v1/dashboards/${dash.id}/widgets/w99/data`,
      headers: admin.auth,
    });
    expect(missing.statusCode).toBe(404);
  });
});
