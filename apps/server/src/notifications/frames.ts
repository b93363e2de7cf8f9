import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * Server-to-client text frames (RFC 6455 §5.2: FIN, opcode 1, never masked), built once and
 * written as they are. `ws` frames each send separately (UTF-8 encoding, a header buffer, a cork
 * round); here a message is encoded once — one frame shared by every socket it goes to, and a
 * batch's recipients share its encoded tail — and a socket's queued frames leave in one write per
 * event-loop turn. Valid only without permessage-deflate, which the hub never negotiates.
 */
export function textFrame(text: string): Buffer {
  const n = Buffer.byteLength(text);
  const out = Buffer.allocUnsafe(headerSize(n) + n);
  out.write(text, writeHeader(out, n), n, 'utf8');
  return out;
}

/** A frame whose payload is `head` (ASCII only) followed by bytes already encoded. */
export function textFrameOf(head: string, tail: Uint8Array): Buffer {
  const n = head.length + tail.length;
  const out = Buffer.allocUnsafe(headerSize(n) + n);
  const at = writeHeader(out, n);
  out.write(head, at, 'latin1');
  out.set(tail, at + head.length);
  return out;
}

const headerSize = (n: number) => (n < 126 ? 2 : n < 65_536 ? 4 : 10);

/** Writes the header of a frame of `n` payload bytes; returns where the payload starts. */
function writeHeader(out: Buffer, n: number): number {
  out[0] = 0x81;
  if (n < 126) {
    out[1] = n;
    return 2;
  }
  if (n < 65_536) {
    out[1] = 126;
    out.writeUInt16BE(n, 2);
    return 4;
  }
  out[1] = 127;
  out.writeBigUInt64BE(BigInt(n), 2);
  return 10;
}

/**
 * The TCP socket under a `ws` WebSocket. Writing to it directly keeps frame order with what `ws`
 * itself sends (pings, the close frame): both end up in the same stream, in call order.
 */
export function tcpSocketOf(ws: WebSocket): Socket | undefined {
  return (ws as unknown as { _socket?: Socket })._socket;
}
