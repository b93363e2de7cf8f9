import type { WidgetConfig, WidgetType } from '@logi/contracts';

export interface TemplateWidget {
  type: WidgetType;
  x: number;
  y: number;
  w: number;
  h: number;
  config: WidgetConfig;
}
export interface DashboardTemplate {
  name: string;
  description: string;
  layout: TemplateWidget[];
}

const w = (type: WidgetType, x: number, y: number, width: number, h: number, config: WidgetConfig) => ({
  type,
  x,
  y,
  w: width,
  h,
  config,
});

/** Ready-made dashboards; every one obeys the layout rules (checked by a test). */
export const TEMPLATES: readonly DashboardTemplate[] = [
  {
    name: 'Executive Overview',
    description: 'High-level business metrics',
    layout: [
      w('kpi', 0, 0, 3, 2, { metric: 'total_revenue', title: 'Revenue' }),
      w('kpi', 3, 0, 3, 2, { metric: 'total_expenses', title: 'Expenses' }),
      w('kpi', 6, 0, 3, 2, { metric: 'net_profit', title: 'Net Profit' }),
      w('kpi', 9, 0, 3, 2, { metric: 'pending_payments', title: 'Pending' }),
      w('line_chart', 0, 2, 8, 4, { metric: 'revenue_trend', title: 'Revenue Trend' }),
      w('donut_chart', 8, 2, 4, 4, { metric: 'expenses_by_category', title: 'Expenses' }),
    ],
  },
  {
    name: 'Inventory Focus',
    description: 'Stock and materials tracking',
    layout: [
      w('kpi', 0, 0, 3, 2, { metric: 'total_items', title: 'Total Items' }),
      w('kpi', 3, 0, 3, 2, { metric: 'low_stock_count', title: 'Low Stock' }),
      w('kpi', 6, 0, 3, 2, { metric: 'inventory_value', title: 'Total Value' }),
      w('alerts_feed', 9, 0, 3, 6, { filter: 'inventory', title: 'Stock Alerts' }),
      w('bar_chart', 0, 2, 9, 4, { metric: 'stock_by_category', title: 'Stock by Category' }),
    ],
  },
  {
    name: 'Cash Flow',
    description: 'Payments and cash management',
    layout: [
      w('kpi', 0, 0, 4, 2, { metric: 'cash_in', title: 'Cash In' }),
      w('kpi', 4, 0, 4, 2, { metric: 'cash_out', title: 'Cash Out' }),
      w('gauge', 8, 0, 4, 4, { metric: 'collection_rate', title: 'Collection Rate' }),
      w('area_chart', 0, 2, 8, 4, { metric: 'cash_flow_trend', title: 'Cash Flow' }),
    ],
  },
  {
    name: 'Receivables & Payables',
    description: 'What is owed to you and what you owe: due dates, overdue items, collection',
    layout: [
      w('kpi', 0, 0, 3, 2, { metric: 'pending_payments', title: 'Open Payments' }),
      w('kpi', 3, 0, 3, 2, { metric: 'overdue_payments', title: 'Overdue' }),
      w('kpi', 6, 0, 3, 2, { metric: 'cash_in', title: 'Collected' }),
      w('kpi', 9, 0, 3, 2, { metric: 'cash_out', title: 'Paid Out' }),
      w('bar_chart', 0, 2, 6, 4, { metric: 'payments_by_status', title: 'Payments by Status' }),
      w('calendar', 6, 2, 6, 4, { metric: 'payment_due_dates', title: 'Due Dates' }),
      w('data_table', 0, 6, 8, 4, { metric: 'upcoming_payments', title: 'Upcoming Payments' }),
      w('gauge', 8, 6, 4, 4, { metric: 'collection_rate', title: 'Collection Rate' }),
    ],
  },
  {
    name: 'Budget Watch',
    description: 'Spending against monthly budgets, by category, with threshold alerts',
    layout: [
      w('progress_ring', 0, 0, 3, 3, { metric: 'budget_utilization', title: 'Budget Used' }),
      w('gauge', 3, 0, 3, 3, { metric: 'budget_utilization', title: 'Budget Used (%)' }),
      w('kpi', 6, 0, 3, 2, { metric: 'total_expenses', title: 'Expenses' }),
      w('kpi', 9, 0, 3, 2, { metric: 'net_profit', title: 'Net Profit' }),
      w('donut_chart', 6, 2, 6, 4, { metric: 'expenses_by_category', title: 'Spending by Category' }),
      w('line_chart', 0, 3, 6, 3, { metric: 'expense_trend', title: 'Expense Trend' }),
      w('data_table', 0, 6, 8, 4, { metric: 'top_expenses', title: 'Top Expense Categories' }),
      w('alerts_feed', 8, 6, 4, 4, { filter: 'budgets', title: 'Budget Alerts' }),
    ],
  },
];

export const templateByName = (name: string): DashboardTemplate | undefined =>
  TEMPLATES.find((t) => t.name === name);
