import { CreateUserBody, IdParams, UpdateUserBody, User, UserList } from '@logi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ADMIN_ONLY, currentUser } from '../auth/access.ts';
import { hashPassword } from '../auth/passwords.ts';
import { isoTimestamp } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { Conflict, NotFound } from '../platform/errors.ts';
import { parseId } from '../platform/ids.ts';
import { presentUser, usersRepo } from './repo.ts';

export const usersRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const config = { access: ADMIN_ONLY };
  const tags = ['users'];

  app.get(
    '/',
    { config, schema: { tags, summary: 'List users', response: { 200: UserList } } },
    async () => ({
      users: (await usersRepo.list(ctx.db)).map(presentUser),
    }),
  );

  app.post(
    '/',
    { config, schema: { tags, summary: 'Create a user', body: CreateUserBody, response: { 201: User } } },
    async (request, reply) => {
      const body = request.body;
      if (await usersRepo.byEmail(ctx.db, body.email))
        throw new Conflict('A user with this email already exists.');
      const row = await ctx.db
        .insertInto('users')
        .values({
          email: body.email,
          password_hash: await hashPassword(body.password),
          first_name: body.first_name,
          last_name: body.last_name,
          role: body.role,
          company_name: body.company_name,
          status: 'active',
          created_at: isoTimestamp(ctx.clock.now()),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return reply.status(201).send(presentUser(row));
    },
  );

  app.put(
    '/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a user’s role or status',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User },
      },
    },
    async (request) => {
      const id = parseId(request.params.id);
      const existing = id === null ? undefined : await usersRepo.byId(ctx.db, id);
      if (!existing || id === null) throw new NotFound('This user');
      if (
        existing.id === currentUser(request).id &&
        (request.body.status === 'inactive' || (request.body.role && request.body.role !== 'admin'))
      ) {
        throw new Conflict('You cannot deactivate yourself or remove your own admin role.');
      }
      const row = await ctx.db
        .updateTable('users')
        .set({
          ...(request.body.role ? { role: request.body.role } : {}),
          ...(request.body.status ? { status: request.body.status } : {}),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return presentUser(row);
    },
  );
};
