import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';

/** Wires the dashboards module into the app (routes, event handlers). */
export async function registerDashboards(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
