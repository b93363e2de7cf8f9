import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { tcpSocketOf, textFrames } from './frames.ts';

// A real `ws` client must read what textFrames writes exactly as if `ws` had framed it, at every
// length encoding (7-bit, 16-bit, 64-bit) and with several frames in one write.
describe('textFrames', () => {
  let server: WebSocketServer | undefined;
  afterEach(() => server?.close());

  async function receive(batches: string[][]): Promise<string[]> {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    await once(server, 'listening');
    const expected = batches.flat().length;
    server.on('connection', (ws) => {
      for (const batch of batches) tcpSocketOf(ws)?.write(textFrames(batch));
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

  it('frames messages of every length encoding so a ws client reads them unchanged', async () => {
    const texts = [
      '',
      '{"type":"pong"}',
      'x'.repeat(125),
      `“${'y'.repeat(124)}”`, // 126 characters, 130 bytes: the 16-bit length, counted in bytes
      'z'.repeat(65_535),
      'é'.repeat(40_000), // 80,000 bytes: the 64-bit length
    ];
    expect(await receive([texts])).toEqual(texts);
  });

  it('keeps order across writes and within one write', async () => {
    const batches = [['1', '2', '3'], ['4'], ['5', '6']];
    expect(await receive(batches)).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});
