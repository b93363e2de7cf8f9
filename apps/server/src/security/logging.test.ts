import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../test/harness.ts';
import { hostileTokens } from './support.ts';

/**
 * Whoever reads the server's log (an operator, a log shipper, a leaked backup) must find no
 * password, no token and no signing key in it, whatever the requests were and whether they failed.
 */
function captureLines(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  let pending = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString('utf8');
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts.filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

const PASSWORD = 'Correct-Horse-Battery-9';
const WRONG_PASSWORD = 'Wrong-Horse-Battery-0';

describe.each([
  { level: 'info' as const, secret: 'configured' as const },
  { level: 'debug' as const, secret: 'generated' as const },
])('the log at level $level ($secret signing key)', ({ level, secret }) => {
  it('never holds a password, a token, a share link or the signing key', async () => {
    const { stream, lines } = captureLines();
    const t = await startTestApp({
      logStream: stream,
      config: { logLevel: level, ...(secret === 'generated' ? { jwtSecret: undefined } : {}) },
    });
    try {
      const { app } = t;
      const admin = await t.newUser('admin');
      const inject = app.inject.bind(app);

      // A new user with a password, who signs in and uses the token.
      const created = await inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.auth,
        payload: {
          email: 'logged@test.example',
          password: PASSWORD,
          first_name: 'Log',
          last_name: 'Reader',
          role: 'client',
        },
      });
      expect(created.statusCode).toBe(201);
      const login = await inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'logged@test.example', password: PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const token = (login.json() as { token: string }).token;
      const bearer = { authorization: `Bearer ${token}` };
      expect((await inject({ url: '/api/v1/auth/me', headers: bearer })).statusCode).toBe(200);
      expect((await inject({ url: '/api/v1/payments', headers: bearer })).statusCode).toBe(200);

      // Failures carrying the secrets: wrong password, invalid body, forbidden, unknown route,
      // tokens in query strings, forged tokens.
      await inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'logged@test.example', password: WRONG_PASSWORD },
      });
      await inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 42, password: WRONG_PASSWORD },
      });
      await inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.auth,
        payload: {
          email: 'not-an-email',
          password: WRONG_PASSWORD,
          first_name: '',
          last_name: 'x',
          role: 'x',
        },
      });
      await inject({ url: '/api/v1/transactions', headers: bearer });
      await inject({ url: `/api/v1/nothing-here?token=${token}&password=${PASSWORD}`, headers: bearer });
      await inject({ url: `/api/v1/payments?token=${token}&limit=${PASSWORD}`, headers: bearer });
      await inject({ url: `/api/v1/payments/%zz?token=${token}`, headers: bearer });
      const forged = Object.values(await hostileTokens(app.ctx, admin.id));
      for (const bad of forged)
        await inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${bad}` } });

      // The WebSocket takes its token in the query string.
      const socket = await app.injectWS(`/ws?token=${token}`);
      socket.terminate();
      const refused = await app.injectWS(`/ws?token=${forged[0]}`);
      refused.terminate();

      // A share link is a credential too: anyone holding it reads the figures.
      const shareTokens = [`s3cr3t-share-${'x'.repeat(30)}`];
      const board = await inject({
        method: 'POST',
        url: '/api/v1/dashboards',
        headers: admin.auth,
        payload: { name: 'Logged' },
      });
      if (board.statusCode === 201) {
        const id = (board.json() as { id: string }).id;
        const share = await inject({
          method: 'POST',
          url: `/api/v1/dashboards/${id}/share`,
          headers: admin.auth,
          payload: {},
        });
        shareTokens.push((share.json() as { share_token: string }).share_token);
      }
      for (const shareToken of shareTokens) {
        await inject(`/api/v1/dashboards/shared/${shareToken}`);
        await inject(`/api/v1/dashboards/shared/${shareToken}/data?period=all`);
        await inject(`/dashboard/shared/${shareToken}`);
      }

      const signingKey =
        secret === 'configured'
          ? String(app.ctx.config.jwtSecret)
          : (
              await app.ctx.db
                .selectFrom('settings')
                .select('value')
                .where('key', '=', 'jwt_secret')
                .executeTakeFirstOrThrow()
            ).value;
      const secrets: Record<string, string> = {
        password: PASSWORD,
        'wrong password': WRONG_PASSWORD,
        'login token': token,
        'factory token': admin.token,
        'signing key': signingKey,
        'password hash': '$argon2',
        ...Object.fromEntries(forged.map((f, i) => [`forged token ${i}`, f])),
        ...Object.fromEntries(shareTokens.map((s, i) => [`share token ${i}`, s])),
      };

      expect(lines.length, 'the requests were logged').toBeGreaterThan(10);
      expect(lines.some((l) => l.includes('/api/v1/auth/login'))).toBe(true);
      const leaks: string[] = [];
      for (const line of lines)
        for (const [what, value] of Object.entries(secrets))
          if (line.includes(value)) leaks.push(`${what} in: ${line.slice(0, 300)}`);
      expect(leaks).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
