import {
  Approval,
  ApprovalList,
  ApprovalQuery,
  Budget,
  BudgetList,
  BudgetQuery,
  Category,
  CategoryList,
  CreateBudgetBody,
  CreateCategoryBody,
  CreateTransactionBody,
  IdParams,
  Transaction,
  TransactionList,
  TransactionQuery,
  UpdateBudgetBody,
  UpdateTransactionBody,
} from '@logi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ONLY, currentUser } from '../auth/access.ts';
import type { AppContext } from '../platform/context.ts';
import { requireId } from '../platform/ids.ts';
import { presentApproval, presentBudget, presentCategory, presentTransaction } from './presenters.ts';
import type { LedgerService } from './service.ts';

const NoContent = { 204: z.null().describe('Deleted') };

/** Business data is the admins' to read and write (see CONTRACT.md: Business data). */
export const ledgerRoutes: FastifyPluginAsyncZod<{ ctx: AppContext; ledger: LedgerService }> = async (
  app,
  { ledger },
) => {
  const config = { access: ADMIN_ONLY };

  app.get(
    '/categories',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['categories'], summary: 'List categories', response: { 200: CategoryList } },
    },
    async () => ({
      categories: (await ledger.listCategories()).map(presentCategory),
    }),
  );
  app.post(
    '/categories',
    {
      config,
      schema: {
        tags: ['categories'],
        summary: 'Create a category',
        body: CreateCategoryBody,
        response: { 201: Category },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentCategory(await ledger.createCategory(req.body, currentUser(req)))),
  );

  const tx = ['transactions'];
  app.get(
    '/transactions',
    {
      config,
      schema: {
        tags: tx,
        summary: 'List transactions, newest first',
        querystring: TransactionQuery,
        response: { 200: TransactionList },
      },
    },
    async (req) => {
      const page = await ledger.listTransactions(req.query);
      return { transactions: page.rows.map(presentTransaction), next_cursor: page.next_cursor };
    },
  );
  app.post(
    '/transactions',
    {
      config,
      schema: {
        tags: tx,
        summary: 'Record a transaction (at or above the approval threshold it waits for approval)',
        body: CreateTransactionBody,
        response: { 201: Transaction },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentTransaction(await ledger.createTransaction(req.body, currentUser(req)))),
  );
  app.get(
    '/transactions/:id',
    {
      config,
      schema: { tags: tx, summary: 'One transaction', params: IdParams, response: { 200: Transaction } },
    },
    async (req) =>
      presentTransaction(await ledger.getTransaction(requireId(req.params.id, 'This transaction'))),
  );
  app.put(
    '/transactions/:id',
    {
      config,
      schema: {
        tags: tx,
        summary: 'Change a transaction',
        params: IdParams,
        body: UpdateTransactionBody,
        response: { 200: Transaction },
      },
    },
    async (req) =>
      presentTransaction(
        await ledger.updateTransaction(
          requireId(req.params.id, 'This transaction'),
          req.body,
          currentUser(req),
        ),
      ),
  );
  app.delete(
    '/transactions/:id',
    { config, schema: { tags: tx, summary: 'Delete a transaction', params: IdParams, response: NoContent } },
    async (req, reply) => {
      await ledger.deleteTransaction(requireId(req.params.id, 'This transaction'), currentUser(req));
      return reply.status(204).send(null);
    },
  );

  const ap = ['approvals'];
  app.get(
    '/approvals',
    {
      config,
      schema: {
        tags: ap,
        summary: 'List approval requests',
        querystring: ApprovalQuery,
        response: { 200: ApprovalList },
      },
    },
    async (req) => {
      const page = await ledger.listApprovals(req.query);
      return { approvals: page.rows.map(presentApproval), next_cursor: page.next_cursor };
    },
  );
  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/approvals/:id/${decision}`,
      {
        config,
        schema: {
          tags: ap,
          summary: `${decision === 'approve' ? 'Approve' : 'Reject'} a pending transaction`,
          params: IdParams,
          response: { 200: Approval },
        },
      },
      async (req) => {
        const id = requireId(req.params.id, 'This approval');
        await ledger.decideApproval(id, decision === 'approve' ? 'approved' : 'rejected', currentUser(req));
        return presentApproval(await ledger.approvalById(id));
      },
    );
  }

  const bg = ['budgets'];
  app.get(
    '/budgets',
    {
      config,
      schema: {
        tags: bg,
        summary: 'List monthly budgets',
        querystring: BudgetQuery,
        response: { 200: BudgetList },
      },
    },
    async (req) => {
      const page = await ledger.listBudgets(req.query);
      return { budgets: page.rows.map(presentBudget), next_cursor: page.next_cursor };
    },
  );
  app.post(
    '/budgets',
    {
      config,
      schema: {
        tags: bg,
        summary: 'Create a monthly budget',
        body: CreateBudgetBody,
        response: { 201: Budget },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentBudget(await ledger.createBudget(req.body, currentUser(req)))),
  );
  app.get(
    '/budgets/:id',
    { config, schema: { tags: bg, summary: 'One budget', params: IdParams, response: { 200: Budget } } },
    async (req) => presentBudget(await ledger.getBudget(requireId(req.params.id, 'This budget'))),
  );
  app.put(
    '/budgets/:id',
    {
      config,
      schema: {
        tags: bg,
        summary: 'Change a budget',
        params: IdParams,
        body: UpdateBudgetBody,
        response: { 200: Budget },
      },
    },
    async (req) =>
      presentBudget(
        await ledger.updateBudget(requireId(req.params.id, 'This budget'), req.body, currentUser(req)),
      ),
  );
  app.delete(
    '/budgets/:id',
    { config, schema: { tags: bg, summary: 'Delete a budget', params: IdParams, response: NoContent } },
    async (req, reply) => {
      await ledger.deleteBudget(requireId(req.params.id, 'This budget'), currentUser(req));
      return reply.status(204).send(null);
    },
  );
};
