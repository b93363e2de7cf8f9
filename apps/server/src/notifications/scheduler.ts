import type { FastifyBaseLogger } from 'fastify';
import { isoDate, isoTimestamp } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { usersRepo } from '../users/repo.ts';
import type { Outbox } from './outbox.ts';
import { claimsRepo } from './repo.ts';
import { paymentDraft } from './rules.ts';

export const DUE_SOON_DAYS = 3;
/** Payments handled per run; the next run picks up the rest. */
const BATCH = 500;
const DAY_MS = 86_400_000;

type TimedEvent = 'payment.due_soon' | 'payment.overdue';

/**
 * Time-based payment notifications. Work is claimed in the database, one row per (payment, event),
 * in the same transaction as the notifications: two nodes, overlapping runs or a restart never
 * notify twice, and a crash mid-run leaves the unclaimed rest for the next run.
 */
export function createScheduler(ctx: AppContext, outbox: Outbox, log: FastifyBaseLogger) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function candidates(event: TimedEvent): Promise<number[]> {
    const today = isoDate(ctx.clock.now());
    let q = ctx.db
      .selectFrom('payments')
      .select('payments.id')
      .where('payments.status', '=', 'pending')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('notification_claims as c')
              .select('c.entity_id')
              .where('c.event', '=', event)
              .where('c.entity_type', '=', 'payment')
              .whereRef('c.entity_id', '=', 'payments.id'),
          ),
        ),
      );
    if (event === 'payment.overdue') q = q.where('payments.due_date', '<', today);
    else {
      const horizon = isoDate(new Date(ctx.clock.now().getTime() + DUE_SOON_DAYS * DAY_MS));
      q = q.where('payments.due_date', '>=', today).where('payments.due_date', '<=', horizon);
    }
    return (await q.orderBy('payments.id').limit(BATCH).execute()).map((r) => r.id);
  }

  /** Claims and notifies one payment; re-reads it so a payment paid meanwhile is skipped. */
  async function notify(event: TimedEvent, paymentId: number): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await claimAndNotify(event, paymentId);
      } catch (err) {
        // Two nodes on one SQLite file: the loser of a write race is told "busy" at once (WAL
        // snapshot); its claim is simply retried and then finds the key taken.
        if (!isBusy(err) || attempt >= 10) throw err;
        await new Promise((r) => setTimeout(r, 10 * attempt));
      }
    }
  }

  function claimAndNotify(event: TimedEvent, paymentId: number): Promise<boolean> {
    return ctx.events.transact(async (uow) => {
      const p = await uow.tx
        .selectFrom('payments')
        .selectAll()
        .where('id', '=', paymentId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (!p) return false;
      const key = { event, entity_type: 'payment', entity_id: p.id };
      if (!(await claimsRepo.claim(uow.tx, key, isoTimestamp(ctx.clock.now())))) return false;
      outbox.add(uow, [paymentDraft(event, p, await usersRepo.idsByRole(uow.tx, 'admin'))]);
      return true;
    });
  }

  async function run(): Promise<number> {
    let sent = 0;
    for (const event of ['payment.overdue', 'payment.due_soon'] as const) {
      for (const id of await candidates(event)) if (await notify(event, id)) sent += 1;
    }
    return sent;
  }

  /** One pass; concurrent calls share the pass in flight. Returns how many payments notified. */
  function runOnce(): Promise<number> {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(async () => {
      try {
        await runOnce();
      } catch (err) {
        log.error({ err }, 'payment reminder run failed; retrying next interval');
      }
      schedule();
    }, ctx.config.schedulerIntervalMs);
    timer.unref();
  }

  return {
    runOnce,
    start: schedule,
    /** Stops the timer and waits for a run in flight, so the database can close after it. */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}

const isBusy = (err: unknown): boolean =>
  typeof err === 'object' &&
  err !== null &&
  String((err as { code?: unknown }).code).startsWith('SQLITE_BUSY');

export type Scheduler = ReturnType<typeof createScheduler>;
