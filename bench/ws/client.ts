/**
 * The counting client: many WebSocket connections on raw TCP sockets, in its own process pinned to
 * the client core. It performs the HTTP upgrade by hand, then only splits frames and counts them
 * (the `ws` client would cost about as much CPU as the server under test). Every 8th notification
 * frame is timestamped for latency (the payload's last field is `"timestamp":"<ISO>"`); sockets
 * marked as tracked also record notification ids, for the exactly-once check after a resume.
 *
 * Driven over IPC by bench/ws/index.ts; replies to every command with one message.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';

export type Proto = 'ws' | 'sio';
export type ClientCommand =
  | { cmd: 'connect'; port: number; paths: string[]; proto: Proto; auth?: string[]; track?: boolean[] }
  | { cmd: 'reset' }
  | { cmd: 'wait'; count: number; timeoutMs: number }
  | { cmd: 'stats' }
  | { cmd: 'pause'; index: number }
  | { cmd: 'drop'; indices: number[] }
  | { cmd: 'reconnect'; port: number; indices: number[]; paths: string[] }
  | { cmd: 'ids'; indices: number[] }
  | { cmd: 'close' };

export interface ClientStats {
  connected: number;
  failed: number;
  notifications: number;
  frames: number;
  elapsedMs: number;
  latencies: number[];
  cpuMs: number;
  wallMs: number;
}

const SAMPLE_EVERY = 8;
const MAX_SAMPLES = 50_000;
const CONNECT_WAVE = 200;

interface Conn {
  sock: net.Socket;
  rest: Buffer | null;
  proto: Proto;
  upgraded: boolean;
  tracked: boolean;
  ids: string[];
  lastId: string;
  onOpen?: (ok: boolean) => void;
  auth?: string;
}

const conns: Conn[] = [];
let notifications = 0;
let frames = 0;
let latencies: number[] = [];
let resetAt = Date.now();
let cpuAt = process.cpuUsage();
let wallAt = Date.now();
let waiter: { count: number; resolve: () => void } | null = null;
let sampleTick = 0;

/** A masked client frame (mask key 0: the payload goes as is). */
function clientFrame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head =
    len < 126
      ? Buffer.from([0x80 | opcode, 0x80 | len])
      : Buffer.from([0x80 | opcode, 0xfe, len >> 8, len & 0xff]);
  return Buffer.concat([head, Buffer.alloc(4), payload]);
}

function onNotification(c: Conn, payload: Buffer): void {
  notifications += 1;
  if (c.tracked) {
    const text = payload.toString();
    const id = /"id":"(\d+)"/.exec(text)?.[1];
    if (id) {
      c.ids.push(id);
      c.lastId = id;
    }
  }
  if (++sampleTick % SAMPLE_EVERY === 0 && latencies.length < MAX_SAMPLES) {
    const tail = payload.toString('latin1', Math.max(0, payload.length - 40));
    const at = tail.lastIndexOf('"timestamp":"');
    if (at >= 0) {
      const ts = Date.parse(tail.slice(at + 13, tail.indexOf('"', at + 13)));
      if (!Number.isNaN(ts)) latencies.push(Date.now() - ts);
    }
  }
  if (waiter && notifications >= waiter.count) {
    const w = waiter;
    waiter = null;
    w.resolve();
  }
}

function onText(c: Conn, payload: Buffer): void {
  frames += 1;
  if (c.proto === 'ws') {
    // {"type":"notification", — but not {"type":"notifications.read"
    if (payload[9] === 0x6e && payload[21] === 0x22 && payload[0] === 0x7b) onNotification(c, payload);
    return;
  }
  // engine.io / socket.io packets: 0 open, 2 ping, 40 connected, 42[...] event
  const t = payload[0];
  if (t === 0x32 && payload.length === 1) c.sock.write(clientFrame(1, Buffer.from('3')));
  else if (t === 0x30) c.sock.write(clientFrame(1, Buffer.from(`40${c.auth ?? ''}`)));
  else if (t === 0x34 && payload[1] === 0x30) c.onOpen?.(true);
  else if (t === 0x34 && payload[1] === 0x32) onNotification(c, payload);
}

function onData(c: Conn, chunk: Buffer): void {
  let buf = c.rest ? Buffer.concat([c.rest, chunk]) : chunk;
  c.rest = null;
  if (!c.upgraded) {
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) {
      c.rest = buf;
      return;
    }
    const ok = buf.toString('latin1', 0, 12) === 'HTTP/1.1 101';
    c.upgraded = true;
    buf = buf.subarray(end + 4);
    if (!ok) {
      c.onOpen?.(false);
      c.sock.destroy();
      return;
    }
    if (c.proto === 'ws') c.onOpen?.(true);
  }
  let off = 0;
  while (buf.length - off >= 2) {
    const b0 = buf[off] as number;
    let len = (buf[off + 1] as number) & 0x7f;
    let head = 2;
    if (len === 126) {
      if (buf.length - off < 4) break;
      len = buf.readUInt16BE(off + 2);
      head = 4;
    } else if (len === 127) {
      if (buf.length - off < 10) break;
      len = Number(buf.readBigUInt64BE(off + 2));
      head = 10;
    }
    if (buf.length - off < head + len) break;
    const opcode = b0 & 0x0f;
    const payload = buf.subarray(off + head, off + head + len);
    if (opcode === 1) onText(c, payload);
    else if (opcode === 9) c.sock.write(clientFrame(0xa, Buffer.from(payload)));
    else if (opcode === 8) c.sock.end();
    off += head + len;
  }
  if (off < buf.length) c.rest = Buffer.from(buf.subarray(off));
}

function open(
  port: number,
  path: string,
  proto: Proto,
  auth?: string,
  tracked = false,
): Promise<Conn | null> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    const c: Conn = { sock, rest: null, proto, upgraded: false, tracked, ids: [], lastId: '0', auth };
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      resolve(ok ? c : null);
    };
    c.onOpen = settle;
    sock.setNoDelay(true);
    sock.on('connect', () => {
      sock.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    sock.on('data', (d: Buffer) => onData(c, d));
    sock.on('error', () => settle(false));
    sock.on('close', () => settle(false));
    setTimeout(() => settle(false), 30_000).unref();
  });
}

function stats(): ClientStats {
  const cpu = process.cpuUsage(cpuAt);
  return {
    connected: conns.filter((c) => c && !c.sock.destroyed).length,
    failed: 0,
    notifications,
    frames,
    elapsedMs: Date.now() - resetAt,
    latencies,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs: Date.now() - wallAt,
  };
}

async function handle(m: ClientCommand): Promise<unknown> {
  switch (m.cmd) {
    case 'connect': {
      let failed = 0;
      for (let i = 0; i < m.paths.length; i += CONNECT_WAVE) {
        const wave = await Promise.all(
          m.paths
            .slice(i, i + CONNECT_WAVE)
            .map((p, j) => open(m.port, p, m.proto, m.auth?.[i + j], m.track?.[i + j] ?? false)),
        );
        for (const c of wave) {
          if (c) conns.push(c);
          else failed += 1;
        }
      }
      return { connected: conns.length, failed };
    }
    case 'reset':
      notifications = 0;
      frames = 0;
      latencies = [];
      sampleTick = 0;
      resetAt = Date.now();
      cpuAt = process.cpuUsage();
      wallAt = Date.now();
      for (const c of conns) c.ids = [];
      return {};
    case 'wait':
      if (notifications < m.count)
        await Promise.race([
          new Promise<void>((resolve) => {
            waiter = { count: m.count, resolve };
          }),
          new Promise((r) => setTimeout(r, m.timeoutMs)),
        ]);
      waiter = null;
      return stats();
    case 'stats':
      return stats();
    case 'pause':
      conns[m.index]?.sock.pause();
      return {};
    case 'drop':
      for (const i of m.indices) conns[i]?.sock.destroy();
      return { lastIds: m.indices.map((i) => conns[i]?.lastId ?? '0') };
    case 'reconnect': {
      const opened = await Promise.all(
        m.indices.map((i, j) =>
          open(m.port, m.paths[j] as string, 'ws', undefined, true).then((c) => [i, c] as const),
        ),
      );
      let failed = 0;
      for (const [i, c] of opened) {
        if (c) conns[i] = c;
        else failed += 1;
      }
      return { failed };
    }
    case 'ids':
      return { ids: m.indices.map((i) => conns[i]?.ids ?? []) };
    case 'close':
      for (const c of conns) c.sock.destroy();
      setTimeout(() => process.exit(0), 50);
      return {};
  }
}

process.on('message', (m: ClientCommand) => {
  handle(m).then((reply) => process.send?.(reply));
});
