import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { startTestApp, type TestApp, type TestUser } from '../test/harness.ts';
import { hostileString } from './hostile.ts';
import { hostileTokens } from './support.ts';

/**
 * Hostile WebSocket frames: non-JSON, unknown types, binary, deep JSON, oversized. The server must
 * not fall over, the socket either keeps answering pings or is closed with a protocol close code,
 * and another user's socket sees none of it. Bounded: a dozen frames per run, well inside the
 * per-socket inbound burst, so a dropped pong can only mean a real fault.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_615);
const MAX_TEXT_FRAME = 4096; // @fastify/websocket maxPayload in notifications/index.ts

interface Frame {
  data: string | Uint8Array;
  oversized: boolean;
  [fc.toStringMethod]: () => string;
}

const frame = (data: string | Uint8Array): Frame => {
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  return {
    data,
    oversized: size > MAX_TEXT_FRAME,
    [fc.toStringMethod]: () =>
      typeof data === 'string' ? `text(${size} B) ${JSON.stringify(data.slice(0, 60))}` : `binary(${size} B)`,
  };
};

const frames = fc.array(
  fc.oneof(
    hostileString.filter((s) => Buffer.byteLength(s) <= MAX_TEXT_FRAME).map(frame),
    fc.jsonValue({ maxDepth: 3 }).map((v) => frame(JSON.stringify(v))),
    fc
      .constantFrom(
        '{"type":"notifications.read","all":true}',
        '{"type":"subscribe","user_id":"1"}',
        '{"type":"notification","event":"payment.paid","data":{}}',
        '{"type":"ping","__proto__":{"admin":true}}',
        '{"type":"PING"}',
        `${'['.repeat(1500)}${']'.repeat(1500)}`,
        '{"type":',
        '',
      )
      .map(frame),
    fc.uint8Array({ maxLength: 512 }).map(frame),
    fc.integer({ min: MAX_TEXT_FRAME + 1, max: 200_000 }).map((n) => frame('x'.repeat(n))),
  ),
  { maxLength: 12 },
);

function collect(socket: WebSocket) {
  const seen = { messages: [] as string[], closed: undefined as number | undefined };
  socket.on('message', (data) => seen.messages.push(String(data)));
  socket.on('close', (code) => {
    seen.closed = code;
  });
  return seen;
}

async function until(condition: () => boolean, ms = 2000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  return condition();
}

describe('hostile WebSocket frames', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await t.newUser('client');
    bob = await t.newUser('admin');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('never break the server, the socket or anyone else’s socket', async ({ skip }) => {
    if (!t.app.hasRoute({ method: 'GET', url: '/ws' })) return skip('no /ws route yet');
    const bystander = await t.app.injectWS(`/ws?token=${bob.token}`);
    const heard = collect(bystander);
    const result = await fc.check(
      fc.asyncProperty(frames, async (sent) => {
        const socket = await t.app.injectWS(`/ws?token=${alice.token}`);
        const seen = collect(socket);
        try {
          for (const f of sent) socket.send(f.data, () => {});
          socket.send('{"type":"ping"}', () => {});
          await until(() => seen.messages.includes('{"type":"pong"}') || seen.closed !== undefined);
          const tooBig = sent.some((f) => f.oversized);
          if (seen.closed !== undefined && !(tooBig && seen.closed === 1009))
            throw new Error(`closed with ${seen.closed}${tooBig ? '' : ' without an oversized frame'}`);
          if (seen.closed === undefined && !seen.messages.includes('{"type":"pong"}'))
            throw new Error('no pong after the hostile frames');
          const unexpected = seen.messages.filter((m) => m !== '{"type":"pong"}');
          if (unexpected.length) throw new Error(`server sent ${unexpected.join(' | ').slice(0, 300)}`);
        } finally {
          socket.terminate();
        }
      }),
      { seed: SEED, numRuns: 15, endOnFailure: true, includeErrorInReport: true },
    );
    expect(result.failed ? fc.defaultReportMessage(result) : undefined).toBeUndefined();
    expect(heard.messages, 'another user saw nothing of it').toEqual([]);
    expect(heard.closed).toBeUndefined();
    bystander.terminate();
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
  });

  it('closes a socket opened with a missing or forged token with 4001, and sends it nothing', async ({
    skip,
  }) => {
    if (!t.app.hasRoute({ method: 'GET', url: '/ws' })) return skip('no /ws route yet');
    const forged = Object.values(await hostileTokens(t.app.ctx, bob.id));
    for (const query of ['', '?token=', ...forged.map((f) => `?token=${encodeURIComponent(f)}`)]) {
      const socket = await t.app.injectWS(`/ws${query}`);
      const seen = collect(socket);
      socket.send('{"type":"ping"}', () => {});
      expect(await until(() => seen.closed !== undefined), `closed: /ws${query.slice(0, 40)}`).toBe(true);
      expect(seen.closed).toBe(4001);
      expect(seen.messages).toEqual([]);
    }
  });
});
