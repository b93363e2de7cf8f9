import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { applyAmountStats, rebuildAmountStats } from './amount-stats.ts';
import { type Bus, createBus } from './bus.ts';
import { changedMessages } from './changes.ts';
import { Hub } from './hub.ts';
import { Outbox } from './outbox.ts';
import { notificationsRoutes } from './routes.ts';
import { createRules } from './rules.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';
import { createNotificationsService } from './service.ts';
import { socketHandler } from './socket.ts';

/** What other code (and tests) may reach of this module. */
export interface NotificationsModule {
  hub: Hub;
  bus: Bus;
  scheduler: Scheduler;
  /** Stores notifications in a change's transaction and publishes them after commit (the bench drives it). */
  outbox: Outbox;
}

declare module 'fastify' {
  interface FastifyInstance {
    notifications: NotificationsModule;
  }
}

/**
 * Wires the notifications module: domain events → outbox rows in the same transaction → bus after
 * commit → hub → sockets; the payment scheduler; the REST feed; `/ws`.
 */
export async function registerNotifications(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const log = app.log.child({ module: 'notifications' });
  const bus = createBus(ctx.config.redisUrl, log, ctx.db);
  const hub = new Hub();
  bus.subscribe((message) => hub.deliver(message));

  const outbox = new Outbox(ctx.engine, ctx.clock, bus);
  const draftsFor = createRules(ctx.clock);
  ctx.events.onTransaction(async (uow, event) => {
    // Rules first: the anomaly rule compares with the statistics as they were before this change.
    const drafts = await draftsFor(uow.tx, event);
    await applyAmountStats(uow.tx, event);
    outbox.add(uow, drafts);
  });
  ctx.events.onRebuild((tx) => rebuildAmountStats(tx, ctx.engine));
  ctx.events.onCommitted((events) => {
    for (const message of changedMessages(events)) bus.publish(message);
  });
  const scheduler = createScheduler(ctx, outbox, log);

  await app.register(websocket, {
    // No permessage-deflate: the hub writes ready-made frames (frames.ts).
    options: { maxPayload: 4096, perMessageDeflate: false },
    // Instead of the plugin's bare close: 1001 tells clients to reconnect (with `since`).
    preClose: (done) => {
      hub.shutdown();
      app.websocketServer.close();
      done();
    },
  });
  app.get(
    '/ws',
    { websocket: true, config: { access: 'public' }, schema: { hide: true } },
    socketHandler(ctx, hub, log),
  );
  await app.register(notificationsRoutes, {
    prefix: '/api/v1/notifications',
    service: createNotificationsService(ctx, bus),
  });

  hub.startHeartbeat();
  scheduler.start();
  // preClose: the scheduler must finish before the database (closed in onClose) goes away.
  app.addHook('preClose', async () => scheduler.stop());
  app.addHook('onClose', async () => bus.close());
  app.decorate('notifications', { hub, bus, scheduler, outbox });
}
