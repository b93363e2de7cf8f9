import { ClientMessage, WS_CLOSE_UNAUTHORIZED } from '@logi/contracts';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { authenticate } from '../auth/access.ts';
import type { AppContext } from '../platform/context.ts';
import { CLOSE, Connection, LIMITS } from './connection.ts';
import type { Hub } from './hub.ts';
import { notificationsRepo, preferencesRepo, present } from './repo.ts';

const REPLAY_PAGE = 500;
/** Replay waits for the socket to drain below this between pages instead of piling up memory. */
const REPLAY_HIGH_WATER = 256 * 1024;

/** `since` is a notification id; "0" replays everything. Anything else is ignored. */
function parseSince(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

async function drained(socket: WebSocket): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (socket.readyState === socket.OPEN && socket.bufferedAmount > REPLAY_HIGH_WATER) {
    if (Date.now() > deadline) throw new Error('replay reader stalled');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * `GET /ws?token=…[&since=<id>]`. The token is checked after the upgrade so a refusal can carry
 * close code 4001 (an HTTP 401 would reach browser code only as an anonymous failure). The token
 * is never logged: the request serializer drops the query string.
 */
export function socketHandler(ctx: AppContext, hub: Hub, log: FastifyBaseLogger) {
  return async (socket: WebSocket, request: FastifyRequest): Promise<void> => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    // Messages may arrive while the token is being checked; hold a few until then.
    const early: RawData[] = [];
    let conn: Connection | undefined;
    socket.on('message', (raw, isBinary) => {
      if (isBinary) return;
      if (!conn) {
        if (early.length < LIMITS.inboundBurst) early.push(raw);
        return;
      }
      onMessage(conn, raw);
    });
    socket.on('error', (err) => log.debug({ err: { message: err.message } }, 'websocket error'));

    const token = typeof query.token === 'string' ? query.token : undefined;
    // A failed lookup (database briefly away) is not a bad token: 1013 makes the client retry with
    // `since`, where 4001 would sign the user out (reliability/postgres-restart.test.ts).
    const user = await authenticate(ctx.db, ctx.tokens, token).catch(() => undefined);
    if (user === undefined) {
      socket.close(CLOSE.tryAgainLater, 'Try again later');
      return;
    }
    if (!user) {
      socket.close(WS_CLOSE_UNAUTHORIZED, token ? 'Invalid or expired token' : 'Missing token');
      return;
    }
    if (socket.readyState !== socket.OPEN) return;

    const c = new Connection(socket, user.id, user.role);
    conn = c;
    hub.add(c);
    socket.on('pong', () => {
      c.alive = true;
    });
    socket.on('close', () => hub.remove(c));
    for (const raw of early.splice(0)) onMessage(c, raw);

    const since = parseSince(query.since);
    try {
      const muted = await preferencesRepo.muted(ctx.db, c.userId);
      c.muteAsStored(muted);
      c.goLive(since === null ? 0 : await replay(c, since, muted));
    } catch (err) {
      log.warn({ err: { message: (err as Error).message }, userId: user.id }, 'replay failed; closing');
      socket.close(1011, 'Replay failed: reconnect with since');
    }
  };

  /** Everything after `since`, oldest first; returns the last id sent. */
  async function replay(c: Connection, since: number, muted: readonly string[]): Promise<number> {
    let last = since;
    for (;;) {
      const rows = await notificationsRepo.after(ctx.db, c.userId, last, muted, REPLAY_PAGE);
      for (const row of rows) {
        const { read: _read, ...n } = present(row);
        c.sendText(JSON.stringify({ type: 'notification', ...n }));
        last = row.id;
      }
      if (rows.length < REPLAY_PAGE || !c.open) return last;
      await drained(c.socket);
    }
  }

  function onMessage(c: Connection, raw: RawData): void {
    if (!c.allowInbound()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString());
    } catch {
      return; // malformed JSON: ignored, the connection stays
    }
    const message = ClientMessage.safeParse(parsed);
    if (message.success && message.data.type === 'ping') c.sendText('{"type":"pong"}');
  }
}
