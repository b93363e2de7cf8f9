import { z } from 'zod';
import { Id, PageQuery } from './common.ts';
import { Money } from './money.ts';

export const MaterialState = z.enum(['available', 'reserved', 'damaged', 'discontinued']);
const Quantity = z
  .number({ error: 'Enter a quantity as a whole number.' })
  .int('Enter a quantity as a whole number.')
  .min(0, 'A quantity cannot be negative.')
  .max(1_000_000_000);

export const Material = z.object({
  id: Id,
  reference: z.string(),
  name: z.string(),
  category_id: Id,
  location: z.string(),
  quantity: z.number().int(),
  min_stock: z.number().int(),
  unit: z.string(),
  unit_cost: Money,
  state: MaterialState,
});
export type Material = z.infer<typeof Material>;

const MaterialFields = z.object({
  reference: z.string().trim().min(1, 'Give the material a reference.').max(64),
  name: z.string().trim().min(1, 'Give the material a name.').max(200),
  category_id: Id,
  location: z.string().trim().max(100),
  quantity: Quantity,
  min_stock: Quantity,
  unit: z.string().trim().min(1).max(20),
  unit_cost: Money,
  state: MaterialState,
});
export const CreateMaterialBody = MaterialFields.extend({
  location: MaterialFields.shape.location.default(''),
  quantity: Quantity.default(0),
  min_stock: Quantity.default(0),
  unit: MaterialFields.shape.unit.default('unit'),
  state: MaterialState.default('available'),
});
export type CreateMaterialBody = z.infer<typeof CreateMaterialBody>;
// Without defaults: an update never resets what it does not mention.
export const UpdateMaterialBody = MaterialFields.partial().refine(
  (b) => Object.keys(b).length > 0,
  'Give at least one field to change.',
);
export type UpdateMaterialBody = z.infer<typeof UpdateMaterialBody>;

export const MovementBody = z.object({
  type: z.enum(['entry', 'exit']),
  quantity: Quantity.min(1, 'Move at least one unit.'),
  note: z.string().trim().max(500).optional(),
});
export type MovementBody = z.infer<typeof MovementBody>;

export const MaterialQuery = PageQuery.extend({
  category_id: Id.optional(),
  low_stock: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
});
export const MaterialList = z.object({ materials: z.array(Material), next_cursor: z.string().nullable() });
