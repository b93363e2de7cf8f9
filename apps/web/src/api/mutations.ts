import type {
  CreateMaterialBody,
  CreatePaymentBody,
  CreateTransactionBody,
  Material,
  MovementBody,
  Payment,
  Transaction,
} from '@logi/contracts';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { queryKeys } from './queries.ts';

/** A mutation that refreshes the given lists once the server has answered. */
function useWrite<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>, invalidates: QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

// Approvals follow transactions: a large amount creates one, a decision changes the transaction.
const ledgerKeys = [queryKeys.transactions.all, queryKeys.approvals.all];

export const useCreateTransaction = () =>
  useWrite((body: CreateTransactionBody) => api.post<Transaction>('/transactions', body), ledgerKeys);

export const useUpdateTransaction = () =>
  useWrite(
    ({ id, body }: { id: string; body: CreateTransactionBody }) =>
      api.put<Transaction>(`/transactions/${id}`, body),
    ledgerKeys,
  );

export const useDeleteTransaction = () =>
  useWrite((id: string) => api.del(`/transactions/${id}`), ledgerKeys);

export const useDecideApproval = () =>
  useWrite(
    ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
      api.post<unknown>(`/approvals/${id}/${decision}`),
    ledgerKeys,
  );

export const useCreateMaterial = () =>
  useWrite((body: CreateMaterialBody) => api.post<Material>('/materials', body), [queryKeys.materials.all]);

export const useMaterialMovement = () =>
  useWrite(
    ({ id, body }: { id: string; body: MovementBody }) =>
      api.post<unknown>(`/materials/${id}/movements`, body),
    [queryKeys.materials.all],
  );

export const useCreatePayment = () =>
  useWrite((body: CreatePaymentBody) => api.post<Payment>('/payments', body), [queryKeys.payments.all]);

export const usePayPayment = () =>
  useWrite((id: string) => api.post<Payment>(`/payments/${id}/pay`, {}), [queryKeys.payments.all]);
