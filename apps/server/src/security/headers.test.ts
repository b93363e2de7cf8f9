import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../test/harness.ts';

/**
 * What a browser is told about every response: a Content-Security-Policy the SPA runs under and
 * that keeps injected script out, no MIME sniffing, no framing, no referrer (share links live in
 * URLs), and no CORS grant to another origin. platform.test.ts checks one response; this checks
 * every kind of response, including refusals and the web app itself.
 */
function directives(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name ?? '', values]),
  );
}

describe('security headers', () => {
  let t: TestApp;
  let admin: TestUser;
  let webDist: string;

  beforeAll(async () => {
    // A stand-in for the built web app, shaped like Vite's output.
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-web-'));
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(
      path.join(webDist, 'index.html'),
      '<!doctype html><html><head><script type="module" crossorigin src="/assets/index-x.js"></script></head><body><div id="root"></div></body></html>',
    );
    fs.writeFileSync(path.join(webDist, 'assets', 'index-x.js'), 'console.log(1);');
    t = await startTestApp({ config: { webDist } });
    admin = await t.newUser('admin');
  });

  afterAll(async () => {
    await t?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  const responses = async (): Promise<Record<string, LightMyRequestResponse>> => {
    const inject = t.app.inject.bind(t.app);
    return {
      'health check': await inject('/healthz'),
      'API answer': await inject({ url: '/api/v1/auth/me', headers: admin.auth }),
      'web app page': await inject('/dashboard/shared/some-token'),
      'web app script': await inject('/assets/index-x.js'),
      'OpenAPI document': await inject('/openapi.json'),
      '401': await inject('/api/v1/auth/me'),
      '404': await inject('/api/v1/nothing-here'),
      '422': await inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} }),
      '413': await inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }),
      }),
    };
  };

  it('sends a CSP the SPA runs under and that refuses injected script, on every response', async () => {
    for (const [what, res] of Object.entries(await responses())) {
      const csp = directives(res);
      expect(csp.get('default-src'), what).toEqual(["'self'"]);
      // No inline or eval'd script: an HTML payload stored in a description cannot run.
      expect(csp.get('script-src'), what).toEqual(["'self'"]);
      expect(csp.get('script-src-attr'), what).toEqual(["'none'"]);
      expect(csp.get('object-src'), what).toEqual(["'none'"]);
      expect(csp.get('base-uri'), what).toEqual(["'self'"]);
      expect(csp.get('form-action'), what).toEqual(["'self'"]);
      expect(['self', 'none'].map((v) => `'${v}'`)).toContain(csp.get('frame-ancestors')?.join(' '));
      // What the SPA needs: its own scripts and styles, inline style attributes (grid layout,
      // charts), data: images, and the WebSocket on its own host.
      expect(csp.get('style-src'), what).toContain("'self'");
      expect(csp.get('img-src'), what).toEqual(expect.arrayContaining(["'self'", 'data:']));
      const connect = csp.get('connect-src') ?? [];
      expect(connect, what).toContain("'self'");
      expect(connect.some((v) => v.startsWith('ws')) || connect.includes("'self'"), what).toBe(true);
    }
  });

  it('forbids sniffing, framing and referrers on every response, and does not advertise the server', async () => {
    for (const [what, res] of Object.entries(await responses())) {
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
      expect(['SAMEORIGIN', 'DENY'], what).toContain(res.headers['x-frame-options']);
      // A share link in the address bar must not travel to other sites in a Referer header.
      expect(res.headers['referrer-policy'], what).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy'], what).toBe('same-origin');
      expect(res.headers['x-powered-by'], what).toBeUndefined();
    }
  });

  it('serves the web app page as HTML and its script as JavaScript', async () => {
    const all = await responses();
    expect(all['web app page']?.statusCode).toBe(200);
    expect(all['web app page']?.headers['content-type']).toMatch(/^text\/html/);
    expect(all['web app script']?.headers['content-type']).toMatch(/javascript/);
  });

  it('grants no other origin access: no CORS headers, preflight refused', async () => {
    const origin = 'https://evil.example';
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/auth/me',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.statusCode).toBeGreaterThanOrEqual(400);
    expect(preflight.statusCode).toBeLessThan(500);
    const simple = await t.app.inject({ url: '/api/v1/auth/me', headers: { ...admin.auth, origin } });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin },
      payload: { email: 'x@y.example', password: 'whatever-123' },
    });
    for (const res of [preflight, simple, login]) {
      for (const header of Object.keys(res.headers))
        expect(header.startsWith('access-control-'), `${header} sent to ${origin}`).toBe(false);
    }
  });

  it('the built web app (when present) loads only same-origin scripts and styles, none inline', ({
    skip,
  }) => {
    const built = path.resolve(import.meta.dirname, '../../../web/dist/index.html');
    if (!fs.existsSync(built)) return skip('apps/web/dist is not built');
    const html = fs.readFileSync(built, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(body.trim(), 'inline script would be blocked by script-src').toBe('');
      expect(attributes).toMatch(/\bsrc="\/[^/]/);
    }
    for (const [, href = ''] of html.matchAll(/<link\b[^>]*href="([^"]+)"/g)) expect(href).toMatch(/^\/[^/]/);
    expect(html).not.toMatch(/\son[a-z]+=/i); // inline event handlers (script-src-attr 'none')
  });
});
