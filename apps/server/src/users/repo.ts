import type { User } from '@logi/contracts';
import type { Executor } from '../db/index.ts';
import type { UserRow } from '../db/schema.ts';

export const usersRepo = {
  byId: (db: Executor, id: number) =>
    db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
  byEmail: (db: Executor, email: string) =>
    db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),
  list: (db: Executor) => db.selectFrom('users').selectAll().orderBy('id').execute(),
  idsByRole: async (db: Executor, role: UserRow['role']) =>
    (
      await db
        .selectFrom('users')
        .select('id')
        .where('role', '=', role)
        .where('status', '=', 'active')
        .execute()
    ).map((r) => r.id),
};

/** The public face of a user: never the password hash. */
export function presentUser(row: UserRow): User {
  return {
    id: String(row.id),
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    role: row.role,
    company_name: row.company_name,
    status: row.status,
  };
}
