import { z } from 'zod';
import { Id, IsoDate, PageQuery } from './common.ts';
import { Money, PositiveMoney } from './money.ts';

export const PaymentType = z.enum(['payable', 'receivable']);
export const PaymentStatus = z.enum(['pending', 'paid', 'cancelled']);
export const Payment = z.object({
  id: Id,
  type: PaymentType,
  amount: Money,
  due_date: IsoDate,
  status: PaymentStatus,
  paid_date: IsoDate.nullable(),
  counterparty_user_id: Id.nullable(),
  reference: z.string(),
  description: z.string(),
});
export type Payment = z.infer<typeof Payment>;

const PaymentFields = z.object({
  type: PaymentType,
  amount: PositiveMoney,
  due_date: IsoDate,
  counterparty_user_id: Id.nullish(),
  reference: z.string().trim().max(64),
  description: z.string().trim().max(500),
});
export const CreatePaymentBody = PaymentFields.extend({
  reference: PaymentFields.shape.reference.default(''),
  description: PaymentFields.shape.description.default(''),
});
export type CreatePaymentBody = z.infer<typeof CreatePaymentBody>;
// Without defaults: an update never resets what it does not mention.
export const UpdatePaymentBody = PaymentFields.partial().extend({
  status: z.enum(['pending', 'cancelled']).optional(),
});
export type UpdatePaymentBody = z.infer<typeof UpdatePaymentBody>;
/** Optional body: without it the payment is paid today. */
export const PayBody = z.object({ paid_date: IsoDate.optional() }).nullish();

export const PaymentQuery = PageQuery.extend({
  type: PaymentType.optional(),
  status: PaymentStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export const PaymentList = z.object({ payments: z.array(Payment), next_cursor: z.string().nullable() });
