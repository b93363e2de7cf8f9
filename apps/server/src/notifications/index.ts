import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';

/** Wires the notifications module into the app (routes, event handlers). */
export async function registerNotifications(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
