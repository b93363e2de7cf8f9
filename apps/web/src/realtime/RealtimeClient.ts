import { type ServerMessage, WS_CLOSE_UNAUTHORIZED } from '@logi/contracts';
import { backoffDelay } from './backoff.ts';
import { parseServerMessage } from './messages.ts';

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'offline';

/** The part of the browser WebSocket we use, so tests can inject a fake. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type WebSocketCtor = new (url: string) => SocketLike;

const OPEN = 1;

export interface RealtimeClientOptions {
  /** Called at every attempt so the `since` id is always the latest one. */
  url: () => string;
  WebSocketImpl: WebSocketCtor;
  onMessage: (message: ServerMessage) => void;
  onState: (state: ConnectionState) => void;
  /** The server refused the token (close 4001): retrying cannot help. */
  onUnauthorized: () => void;
  isOnline?: () => boolean;
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  pingIntervalMs?: number;
  /** Silence longer than this (no pong, nothing) means a dead link: drop it and reconnect. */
  staleAfterMs?: number;
}

/**
 * One logical connection to /ws that keeps itself alive: pings, reconnects with jittered exponential
 * backoff, waits while the browser is offline, and stops for good on stop() or an auth failure.
 * Every timer it starts is cleared by stop().
 */
export class RealtimeClient {
  private readonly opts: Required<RealtimeClientOptions>;
  private socket: SocketLike | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private attempt = 0;
  private running = false;
  private everOpened = false;
  private lastHeard = 0;
  private state: ConnectionState = 'idle';

  constructor(options: RealtimeClientOptions) {
    this.opts = {
      isOnline: () => navigator.onLine !== false,
      random: Math.random,
      baseDelayMs: 500,
      // A restarted server is back within seconds; past 10 s a user would think the page is broken.
      maxDelayMs: 10_000,
      pingIntervalMs: 25_000,
      staleAfterMs: 70_000,
      ...options,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  /** Close for good (logout, unmount): no reconnect, no timers left behind. */
  stop(): void {
    this.running = false;
    this.clearReconnect();
    this.dropSocket();
    this.setState('idle');
  }

  /** Back online or tab visible again: try now rather than wait out the backoff. */
  wake(): void {
    if (!this.running || this.socket) return;
    this.clearReconnect();
    this.connect();
  }

  /** The browser says it is offline: stop retrying until wake(). */
  pause(): void {
    if (!this.running || this.socket) return;
    this.clearReconnect();
    this.setState('offline');
  }

  private connect(): void {
    if (!this.opts.isOnline()) {
      this.setState('offline');
      return;
    }
    this.setState(this.everOpened ? 'reconnecting' : 'connecting');
    let socket: SocketLike;
    try {
      socket = new this.opts.WebSocketImpl(this.opts.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.everOpened = true;
      this.lastHeard = Date.now();
      this.setState('open');
      this.startPing(socket);
    };
    socket.onmessage = (event) => {
      this.lastHeard = Date.now();
      const message = parseServerMessage(event.data);
      if (message) this.opts.onMessage(message);
    };
    socket.onclose = (event) => this.handleClose(socket, event.code);
    // An error is always followed by a close; the close decides what to do.
    socket.onerror = null;
  }

  private handleClose(socket: SocketLike, code: number): void {
    if (this.socket !== socket) return;
    this.socket = null;
    this.stopPing();
    if (code === WS_CLOSE_UNAUTHORIZED) {
      this.running = false;
      this.setState('idle');
      this.opts.onUnauthorized();
      return;
    }
    if (this.running) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.opts.isOnline()) {
      this.setState('offline');
      return;
    }
    const delay = backoffDelay(this.attempt, {
      baseMs: this.opts.baseDelayMs,
      capMs: this.opts.maxDelayMs,
      random: this.opts.random,
    });
    this.attempt += 1;
    this.setState('reconnecting');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect();
    }, delay);
  }

  private startPing(socket: SocketLike): void {
    this.stopPing();
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastHeard > this.opts.staleAfterMs) {
        // Half-open link (sleep, network switch): the browser may not notice for minutes.
        this.dropSocket();
        if (this.running) this.scheduleReconnect();
        return;
      }
      if (socket.readyState === OPEN) socket.send(JSON.stringify({ type: 'ping' }));
    }, this.opts.pingIntervalMs);
  }

  private stopPing(): void {
    if (this.pingTimer !== undefined) clearInterval(this.pingTimer);
    this.pingTimer = undefined;
  }

  private clearReconnect(): void {
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
  }

  private dropSocket(): void {
    const socket = this.socket;
    this.socket = null;
    this.stopPing();
    if (!socket) return;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
    try {
      socket.close(1000, 'client closed');
    } catch {
      // Already closing.
    }
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.opts.onState(state);
  }
}
