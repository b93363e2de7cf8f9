import { z } from 'zod';
import { Id } from './common.ts';

export const ROLES = ['admin', 'client', 'supplier'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const User = z.object({
  id: Id,
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  role: Role,
  company_name: z.string(),
  status: z.enum(['active', 'inactive']),
});
export type User = z.infer<typeof User>;

export const Email = z.string().trim().toLowerCase().max(254).email('Enter a valid email address.');

export const LoginBody = z.object({
  email: z.string().trim().toLowerCase().max(254).min(1, 'Enter your email.'),
  password: z.string().min(1, 'Enter your password.').max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const LoginResponse = z.object({
  token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int(),
  user: User,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MeResponse = z.object({ user: User });

const Name = z.string().trim().min(1, 'This field is required.').max(100);

export const CreateUserBody = z.object({
  email: Email,
  password: z.string().min(10, 'Use a password of at least 10 characters.').max(200),
  first_name: Name,
  last_name: Name,
  role: Role,
  company_name: z.string().trim().max(200).default(''),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z
  .object({ role: Role.optional(), status: z.enum(['active', 'inactive']).optional() })
  .refine((b) => b.role !== undefined || b.status !== undefined, 'Give a role or a status to change.');
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const UserList = z.object({ users: z.array(User) });
