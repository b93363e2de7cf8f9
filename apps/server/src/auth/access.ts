import type { Role } from '@logi/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/index.ts';
import type { UserRow } from '../db/schema.ts';
import { Forbidden, Unauthorized } from '../platform/errors.ts';
import { usersRepo } from '../users/repo.ts';
import type { TokenService } from './tokens.ts';

/** Who may call a route: nobody needs to sign in, any signed-in user, or only these roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: UserRow | null;
  }
}

export const ADMIN_ONLY: Access = ['admin'];

/** The signed-in user of a guarded route (the guard has already refused anonymous calls). */
export function currentUser(request: FastifyRequest): UserRow {
  if (!request.user) throw new Unauthorized();
  return request.user;
}

/** Resolves a bearer token to an active user, or null. Shared by HTTP and the WebSocket upgrade. */
export async function authenticate(
  db: Db,
  tokens: TokenService,
  token: string | undefined,
): Promise<UserRow | null> {
  if (!token) return null;
  const claims = await tokens.verify(token);
  if (!claims) return null;
  const user = await usersRepo.byId(db, claims.userId);
  return user && user.status === 'active' ? user : null;
}

/**
 * Deny by default: every `/api` route must declare its `access`, or the app refuses to start.
 * The check itself runs before validation, so an anonymous caller learns nothing about the body rules.
 */
export const accessPlugin = fp(
  async (app: FastifyInstance, opts: { db: Db; tokens: TokenService }) => {
    app.decorateRequest('user', null);
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/') && route.config?.access === undefined) {
        throw new Error(
          `Route ${route.method} ${route.url} does not declare who may call it (config.access).`,
        );
      }
    });
    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config?.access;
      if (access === undefined || access === 'public') return;
      const header = request.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      const user = await authenticate(opts.db, opts.tokens, token);
      if (!user)
        throw new Unauthorized(
          token ? 'Your session has expired or is not valid. Sign in again.' : 'Sign in to continue.',
        );
      if (access !== 'signed-in' && !access.includes(user.role)) throw new Forbidden();
      request.user = user;
    });
  },
  { name: 'access' },
);
