import type { FastifyInstance } from 'fastify';
import type { TestUser } from './harness.ts';

/** Business data in one line each, through the real API so every rule and event applies. */
export function factories(app: FastifyInstance, admin: TestUser) {
  async function post<T>(url: string, payload: object): Promise<T> {
    const res = await app.inject({ method: 'POST', url, headers: admin.auth, payload });
    if (res.statusCode >= 300) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  return {
    category: (
      type: 'income' | 'expense' | 'material' = 'expense',
      name = `${type} ${Math.random().toString(36).slice(2, 8)}`,
    ) => post<{ id: string; name: string }>('/api/v1/categories', { name, type }),
    transaction: (fields: {
      type?: 'income' | 'expense';
      amount: number;
      category_id: string;
      date?: string;
      description?: string;
    }) =>
      post<{ id: string; status: string; amount: number }>('/api/v1/transactions', {
        type: fields.type ?? 'expense',
        date: fields.date ?? '2026-06-10',
        description: fields.description ?? 'test',
        ...fields,
      }),
    material: (fields: {
      category_id: string;
      quantity?: number;
      min_stock?: number;
      unit_cost?: number;
      reference?: string;
      name?: string;
    }) =>
      post<{ id: string; quantity: number }>('/api/v1/materials', {
        reference: fields.reference ?? `REF-${Math.random().toString(36).slice(2, 10)}`,
        name: fields.name ?? 'Test material',
        unit_cost: fields.unit_cost ?? 1,
        ...fields,
      }),
    payment: (fields: {
      type?: 'payable' | 'receivable';
      amount: number;
      due_date: string;
      counterparty_user_id?: string;
    }) =>
      post<{ id: string; status: string }>('/api/v1/payments', {
        type: fields.type ?? 'receivable',
        ...fields,
      }),
    budget: (fields: { category_id: string; period: string; amount: number; thresholds?: number[] }) =>
      post<{ id: string }>('/api/v1/budgets', fields),
  };
}
