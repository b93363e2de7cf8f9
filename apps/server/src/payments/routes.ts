import {
  CreatePaymentBody,
  IdParams,
  PayBody,
  Payment,
  PaymentList,
  PaymentQuery,
  UpdatePaymentBody,
} from '@logi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ONLY, currentUser } from '../auth/access.ts';
import { requireId } from '../platform/ids.ts';
import { type PaymentsService, presentPayment } from './service.ts';

export const paymentsRoutes: FastifyPluginAsyncZod<{ payments: PaymentsService }> = async (
  app,
  { payments },
) => {
  const write = { access: ADMIN_ONLY };
  // Reading is open to every role; the service narrows non-admins to their own payments.
  const read = { access: 'signed-in' as const };
  const tags = ['payments'];
  const id = (raw: string) => requireId(raw, 'This payment');

  app.get(
    '/',
    {
      config: read,
      schema: {
        tags,
        summary: 'List payments you may see',
        querystring: PaymentQuery,
        response: { 200: PaymentList },
      },
    },
    async (req) => {
      const page = await payments.list(req.query, currentUser(req));
      return { payments: page.rows.map(presentPayment), next_cursor: page.next_cursor };
    },
  );
  app.post(
    '/',
    {
      config: write,
      schema: { tags, summary: 'Create a payment', body: CreatePaymentBody, response: { 201: Payment } },
    },
    async (req, reply) =>
      reply.status(201).send(presentPayment(await payments.create(req.body, currentUser(req)))),
  );
  app.get(
    '/:id',
    { config: read, schema: { tags, summary: 'One payment', params: IdParams, response: { 200: Payment } } },
    async (req) => presentPayment(await payments.get(id(req.params.id), currentUser(req))),
  );
  app.put(
    '/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a pending payment',
        params: IdParams,
        body: UpdatePaymentBody,
        response: { 200: Payment },
      },
    },
    async (req) => presentPayment(await payments.update(id(req.params.id), req.body, currentUser(req))),
  );
  app.delete(
    '/:id',
    {
      config: write,
      schema: { tags, summary: 'Delete a payment', params: IdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await payments.remove(id(req.params.id), currentUser(req));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/:id/pay',
    {
      config: write,
      schema: {
        tags,
        summary: 'Mark a pending payment paid',
        params: IdParams,
        body: PayBody,
        response: { 200: Payment },
      },
    },
    async (req) =>
      presentPayment(await payments.pay(id(req.params.id), req.body?.paid_date, currentUser(req))),
  );
};
