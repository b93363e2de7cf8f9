import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * Server-to-client text frames (RFC 6455 §5.2: FIN, opcode 1, never masked), encoded straight into
 * one buffer for all of a socket's queued messages. `ws` frames each message separately (a header
 * buffer, the payload, a cork/uncork round per send); one buffer and one write per socket per
 * event-loop turn is most of what a busy hub spends above the kernel. Valid only without
 * permessage-deflate, which the hub never negotiates (see index.ts).
 */
export function textFrames(texts: readonly string[]): Buffer {
  const sizes = texts.map((t) => Buffer.byteLength(t));
  let total = 0;
  for (const n of sizes) total += headerSize(n) + n;
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const [i, text] of texts.entries()) {
    const n = sizes[i] as number;
    out[at] = 0x81;
    if (n < 126) {
      out[at + 1] = n;
      at += 2;
    } else if (n < 65_536) {
      out[at + 1] = 126;
      out.writeUInt16BE(n, at + 2);
      at += 4;
    } else {
      out[at + 1] = 127;
      out.writeBigUInt64BE(BigInt(n), at + 2);
      at += 10;
    }
    at += out.write(text, at, n, 'utf8');
  }
  return out;
}

const headerSize = (n: number) => (n < 126 ? 2 : n < 65_536 ? 4 : 10);

/**
 * The TCP socket under a `ws` WebSocket. Writing to it directly keeps frame order with what `ws`
 * itself sends (pings, the close frame): both end up in the same stream, in call order.
 */
export function tcpSocketOf(ws: WebSocket): Socket | undefined {
  return (ws as unknown as { _socket?: Socket })._socket;
}
