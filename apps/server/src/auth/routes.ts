import { LoginBody, LoginResponse, MeResponse } from '@logi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../platform/context.ts';
import { Unauthorized } from '../platform/errors.ts';
import { presentUser, usersRepo } from '../users/repo.ts';
import { currentUser } from './access.ts';
import { AttemptLimiter } from './attempt-limiter.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { TOKEN_TTL_SECONDS } from './tokens.ts';

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { perIp, perEmail } = ctx.config.loginRateLimit;
  // Two limits: one per client address, one per target email (an attacker rotating addresses).
  const limitPerIp = app.rateLimit({ max: perIp, timeWindow: '1 minute' });
  const perEmailLimiter = new AttemptLimiter(perEmail, 60_000);

  app.post(
    '/login',
    {
      config: { access: 'public' },
      onRequest: [limitPerIp],
      schema: {
        tags: ['auth'],
        summary: 'Exchange email and password for a bearer token',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
    },
    async (request) => {
      const { email, password } = request.body;
      perEmailLimiter.check(email);
      const user = await usersRepo.byEmail(ctx.db, email);
      const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
      // One answer for unknown email, wrong password and inactive account: nothing to enumerate.
      if (!user || !ok || user.status !== 'active') {
        perEmailLimiter.fail(email);
        throw new Unauthorized('The email or password is not correct.');
      }
      const token = await ctx.tokens.sign({ userId: user.id, role: user.role });
      return { token, token_type: 'bearer' as const, expires_in: TOKEN_TTL_SECONDS, user: presentUser(user) };
    },
  );

  app.get(
    '/me',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: MeResponse } },
    },
    async (request) => ({ user: presentUser(currentUser(request)) }),
  );
};
