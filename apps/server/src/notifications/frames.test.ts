import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { tcpSocketOf, textFrame, textFrameOf } from './frames.ts';

// A real `ws` client must read the frames written here exactly as if `ws` had framed them, at
// every length encoding (7-bit, 16-bit, 64-bit) and with several frames in one write.
describe('text frames', () => {
  let server: WebSocketServer | undefined;
  afterEach(() => server?.close());

  /** Writes each group of frames in one write; returns the messages the client read. */
  async function receive(writes: Buffer[][]): Promise<string[]> {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    await once(server, 'listening');
    const expected = writes.flat().length;
    server.on('connection', (ws) => {
      for (const frames of writes) tcpSocketOf(ws)?.write(Buffer.concat(frames));
    });
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const got: string[] = [];
    await new Promise<void>((resolve, reject) => {
      client.on('error', reject);
      client.on('message', (data, isBinary) => {
        expect(isBinary).toBe(false);
        got.push(data.toString());
        if (got.length === expected) resolve();
      });
    });
    client.close();
    return got;
  }

  const texts = [
    '',
    '{"type":"pong"}',
    'x'.repeat(125),
    `“${'y'.repeat(124)}”`, // 126 characters, 130 bytes: the 16-bit length, counted in bytes
    'z'.repeat(65_535),
    'é'.repeat(40_000), // 80,000 bytes: the 64-bit length
  ];

  it('frames messages of every length encoding so a ws client reads them unchanged', async () => {
    expect(await receive([texts.map(textFrame)])).toEqual(texts);
  });

  it('frames an ASCII head and an encoded tail as one message', async () => {
    const tails = texts.map((t) => Buffer.from(t));
    const frames = tails.map((tail, i) => textFrameOf(`{"id":"${i}"`, tail));
    expect(await receive([frames])).toEqual(texts.map((t, i) => `{"id":"${i}"${t}`));
  });

  it('keeps order across writes and within one write', async () => {
    const writes = [['1', '2', '3'], ['4'], ['5', '6']].map((w) => w.map(textFrame));
    expect(await receive(writes)).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});
