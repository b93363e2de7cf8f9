import { z } from 'zod';

/** Ids are opaque strings; clients must not parse them. */
export const Id = z.string().min(1).max(64);

export const IdParams = z.object({ id: Id });

/** `YYYY-MM-DD`, a real calendar day (UTC). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31.')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'This is not a real calendar day.',
  );

/** `YYYY-MM`. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-01.');

export const Timestamp = z.string().describe('ISO-8601 UTC timestamp ending in Z');

export const ErrorBody = z.object({
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

export const MessageBody = z.object({ message: z.string() });
