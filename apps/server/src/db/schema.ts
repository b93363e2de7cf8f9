import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DashboardsTables } from '../dashboards/tables.ts';
import type { NotificationsTables } from '../notifications/tables.ts';

/**
 * Table types for Kysely. Money columns end in `_cents` (integer cents; bigint in PostgreSQL).
 * Dates are `YYYY-MM-DD` text, timestamps ISO-8601 UTC text, identical on both engines.
 */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  role: 'admin' | 'client' | 'supplier';
  company_name: string;
  status: 'active' | 'inactive';
  created_at: string;
}

export interface CategoriesTable {
  id: Generated<number>;
  name: string;
  type: 'income' | 'expense' | 'material';
}

export interface TransactionsTable {
  id: Generated<number>;
  type: 'income' | 'expense';
  amount_cents: number;
  category_id: number;
  date: string;
  description: string;
  project_id: string | null;
  status: 'posted' | 'pending_approval' | 'rejected';
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface MaterialsTable {
  id: Generated<number>;
  reference: string;
  name: string;
  category_id: number;
  location: string;
  quantity: number;
  min_stock: number;
  unit: string;
  unit_cost_cents: number;
  state: 'available' | 'reserved' | 'damaged' | 'discontinued';
  created_at: string;
  updated_at: string;
}

export interface StockMovementsTable {
  id: Generated<number>;
  material_id: number;
  type: 'entry' | 'exit';
  quantity: number;
  note: string;
  created_by: number;
  created_at: string;
}

export interface PaymentsTable {
  id: Generated<number>;
  type: 'payable' | 'receivable';
  amount_cents: number;
  due_date: string;
  status: 'pending' | 'paid' | 'cancelled';
  paid_date: string | null;
  counterparty_user_id: number | null;
  reference: string;
  description: string;
  created_at: string;
}

export interface BudgetsTable {
  id: Generated<number>;
  category_id: number;
  period: string;
  amount_cents: number;
  /** JSON array of percentages, e.g. "[50,80,100]". */
  thresholds: string;
  created_at: string;
}

export interface ApprovalsTable {
  id: Generated<number>;
  transaction_id: number;
  status: 'pending' | 'approved' | 'rejected';
  requested_by: number;
  decided_by: number | null;
  created_at: string;
  decided_at: string | null;
}

export interface FoundationTables {
  settings: SettingsTable;
  users: UsersTable;
  categories: CategoriesTable;
  transactions: TransactionsTable;
  materials: MaterialsTable;
  stock_movements: StockMovementsTable;
  payments: PaymentsTable;
  budgets: BudgetsTable;
  approvals: ApprovalsTable;
}

/**
 * The whole database. Modules that add tables declare them in their own file and extend this
 * interface here, so there is one place that lists every table.
 */
export interface Database extends FoundationTables, DashboardsTables, NotificationsTables {}

export type UserRow = Selectable<UsersTable>;
export type TransactionRow = Selectable<TransactionsTable>;
export type NewTransaction = Insertable<TransactionsTable>;
export type TransactionUpdate = Updateable<TransactionsTable>;
export type MaterialRow = Selectable<MaterialsTable>;
export type PaymentRow = Selectable<PaymentsTable>;
export type BudgetRow = Selectable<BudgetsTable>;
export type ApprovalRow = Selectable<ApprovalsTable>;
export type CategoryRow = Selectable<CategoriesTable>;
