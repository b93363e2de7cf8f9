import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { FACTORY_PASSWORD, startTestApp, useTestApp } from '../test/harness.ts';

const login = (app: import('fastify').FastifyInstance, email: string, password: string, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

describe('sign-in', () => {
  const t = useTestApp();

  it('gives a bearer token that opens /auth/me', async () => {
    const user = await t().newUser('client', { email: 'carl@example.com' });
    const res = await login(t().app, 'Carl@Example.com', FACTORY_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      token_type: 'bearer',
      expires_in: 86_400,
      user: { id: user.id, email: 'carl@example.com', role: 'client' },
    });
    expect(body.user.password_hash).toBeUndefined();
    const me = await t().app.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(me.json().user.id).toBe(user.id);
  });

  it('answers the same for an unknown email and a wrong password', async () => {
    await t().newUser('admin', { email: 'ada@example.com' });
    const wrong = await login(t().app, 'ada@example.com', 'not-the-password');
    const unknown = await login(t().app, 'nobody@example.com', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('refuses missing, malformed, expired, foreign-key and alg:none tokens', async () => {
    const user = await t().newUser('admin');
    const me = (authorization?: string) =>
      t().app.inject({ url: '/api/v1/auth/me', headers: authorization ? { authorization } : {} });
    expect((await me()).statusCode).toBe(401);
    expect((await me('Bearer not.a.jwt')).statusCode).toBe(401);
    const expired = await t().app.ctx.tokens.sign({ userId: user.row.id, role: 'admin' }, -10);
    expect((await me(`Bearer ${expired}`)).statusCode).toBe(401);
    const foreign = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-another-secret-another'));
    expect((await me(`Bearer ${foreign}`)).statusCode).toBe(401);
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: user.id, role: 'admin', exp: 9_999_999_999 })).toString(
      'base64url',
    );
    expect((await me(`Bearer ${header}.${payload}.`)).statusCode).toBe(401);
    expect((await me(`Bearer ${user.token}`)).statusCode).toBe(200);
  });

  it('limits login attempts per address and per email', async () => {
    await t().newUser('admin', { email: 'target@example.com' });
    const codes: number[] = [];
    for (let i = 0; i < 12; i++)
      codes.push((await login(t().app, 'target@example.com', 'guess', `10.1.0.${i}`)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    const limited = await login(t().app, 'target@example.com', 'guess', '10.1.0.99');
    expect(limited.json().detail).toMatch(/Too many/);
  });

  it('never locks an account out for successful sign-ins', async () => {
    await t().newUser('admin', { email: 'busy@example.com' });
    for (let i = 0; i < 15; i++) {
      expect((await login(t().app, 'busy@example.com', FACTORY_PASSWORD, `10.2.0.${i}`)).statusCode).toBe(
        200,
      );
    }
  });

  it('keeps the generated signing key in the database so a restart keeps sessions', async () => {
    const first = await startTestApp({ config: { jwtSecret: undefined } });
    const user = await first.newUser('admin');
    const second = await startTestApp({
      config: { jwtSecret: undefined },
      database: first.app.ctx.config.database,
    });
    const res = await second.app.inject({ url: '/api/v1/auth/me', headers: user.auth });
    expect(res.statusCode).toBe(200);
    await second.app.close();
    await first.close();
  });
});

describe('user administration', () => {
  const t = useTestApp();

  it('lets an admin create, list and deactivate users; a deactivated user is locked out at once', async () => {
    const admin = await t().newUser('admin');
    const created = await t().app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.auth,
      payload: {
        email: 'new@example.com',
        password: 'long-enough-pw',
        first_name: 'New',
        last_name: 'Person',
        role: 'supplier',
        company_name: 'Acme',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const list = await t().app.inject({ url: '/api/v1/users', headers: admin.auth });
    expect(list.json().users.map((u: { email: string }) => u.email)).toContain('new@example.com');

    const session = await login(t().app, 'new@example.com', 'long-enough-pw');
    const token = session.json().token;
    const off = await t().app.inject({
      method: 'PUT',
      url: `/api/v1/users/${id}`,
      headers: admin.auth,
      payload: { status: 'inactive' },
    });
    expect(off.json().status).toBe('inactive');
    expect(
      (await t().app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(401);
    expect((await login(t().app, 'new@example.com', 'long-enough-pw')).statusCode).toBe(401);
  });

  it('validates new users and refuses duplicates', async () => {
    const admin = await t().newUser('admin', { email: 'taken@example.com' });
    const post = (payload: object) =>
      t().app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.auth, payload });
    const short = await post({
      email: 'a@example.com',
      password: 'short',
      first_name: 'A',
      last_name: 'B',
      role: 'client',
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0]).toEqual({
      path: 'password',
      message: expect.stringMatching(/at least 10/),
    });
    expect(
      (
        await post({
          email: 'taken@example.com',
          password: 'long-enough-pw',
          first_name: 'A',
          last_name: 'B',
          role: 'client',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await post({
          email: 'x@example.com',
          password: 'long-enough-pw',
          first_name: 'A',
          last_name: 'B',
          role: 'root',
        })
      ).statusCode,
    ).toBe(422);
    const users = await t().app.inject({ url: '/api/v1/users', headers: admin.auth });
    expect(users.json().users).toHaveLength(1);
  });

  it('is admin only', async () => {
    for (const role of ['client', 'supplier'] as const) {
      const user = await t().newUser(role);
      expect((await t().app.inject({ url: '/api/v1/users', headers: user.auth })).statusCode).toBe(403);
      expect(
        (
          await t().app.inject({
            method: 'PUT',
            url: `/api/v1/users/${user.id}`,
            headers: user.auth,
            payload: { role: 'admin' },
          })
        ).statusCode,
      ).toBe(403);
    }
    expect((await t().app.inject({ url: '/api/v1/users' })).statusCode).toBe(401);
  });

  it('answers 404 for unknown users', async () => {
    const admin = await t().newUser('admin');
    for (const id of ['999999', 'abc', '0']) {
      expect(
        (
          await t().app.inject({
            method: 'PUT',
            url: `/api/v1/users/${id}`,
            headers: admin.auth,
            payload: { status: 'inactive' },
          })
        ).statusCode,
      ).toBe(404);
    }
  });
});
