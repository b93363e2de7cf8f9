import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';

/** How the built web app reaches a browser: compressed when it can be, cached as long as it is safe. */
describe('serving the web app', () => {
  let t: TestApp;
  let webDist: string;
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

  beforeAll(async () => {
    // Shaped like Vite's output with the compression plugin: hashed assets with .br/.gz siblings.
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-web-'));
    fs.mkdirSync(path.join(webDist, 'assets'));
    const html =
      '<!doctype html><html><body><script type="module" src="/assets/index-abc123.js"></script></body></html>';
    fs.writeFileSync(path.join(webDist, 'index.html'), html);
    const asset = path.join(webDist, 'assets', 'index-abc123.js');
    fs.writeFileSync(asset, script);
    fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(script));
    fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(script));
    t = await startTestApp({ config: { webDist } });
  });

  afterAll(async () => {
    await t?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('sends the prebuilt brotli or gzip file to a browser that accepts it, the plain file otherwise', async () => {
    const get = (encoding?: string) =>
      t.app.inject({
        url: '/assets/index-abc123.js',
        headers: encoding ? { 'accept-encoding': encoding } : {},
      });
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
  });

  it('lets browsers keep hashed assets for a year and revalidate pages on every visit', async () => {
    const asset = await t.app.inject('/assets/index-abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/dashboard-builder?id=1']) {
      const page = await t.app.inject(url);
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('/assets/index-abc123.js');
    }
  });

  it('answers HEAD for a client-side route like GET', async () => {
    const head = await t.app.inject({ method: 'HEAD', url: '/dashboard-builder' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toMatch(/text\/html/);
  });
});
