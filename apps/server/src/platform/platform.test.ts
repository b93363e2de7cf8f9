import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.ts';

describe('platform', () => {
  const t = useTestApp();

  it('reports health once the database answers', async () => {
    const res = await t().app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI document listing every API route', async () => {
    const doc = (await t().app.inject('/openapi.json')).json() as { paths: Record<string, unknown> };
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/transactions',
      '/api/v1/materials/{id}/movements',
      '/api/v1/payments/{id}/pay',
      '/api/v1/approvals/{id}/approve',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect((await t().app.inject('/docs/')).statusCode).toBe(200);
  });

  it('answers unknown endpoints, bad JSON and oversized bodies with the contract error shape', async () => {
    const admin = await t().newUser('admin');
    const missing = await t().app.inject('/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toMatch(/no GET/);

    const badJson = await t().app.inject({
      method: 'POST',
      url: '/api/v1/transactions',
      headers: { ...admin.auth, 'content-type': 'application/json' },
      payload: '{"type":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().detail).toMatch(/not valid JSON/);

    const huge = await t().app.inject({
      method: 'POST',
      url: '/api/v1/transactions',
      headers: { ...admin.auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().detail).toMatch(/too large/);
  });

  it('sends security headers', async () => {
    const res = await t().app.inject('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    // Served over plain HTTP on a LAN: nothing may push the browser to https it does not have.
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
