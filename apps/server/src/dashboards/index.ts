import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { registerRollups } from './rollups.ts';
import { dashboardRoutes } from './routes.ts';
import { createDashboardsService } from './service.ts';
import { sharingRoutes } from './sharing-routes.ts';
import { createWidgetData } from './widget-data.ts';

/** Wires the dashboards module into the app: rollup upkeep on ledger changes, then the routes. */
export async function registerDashboards(app: FastifyInstance, ctx: AppContext): Promise<void> {
  if (ctx.config.rollups) registerRollups(ctx.events);
  const service = createDashboardsService(ctx);
  const data = createWidgetData(ctx, app.log);
  const prefix = '/api/v1/dashboards';
  await app.register(dashboardRoutes, { prefix, service, data });
  await app.register(sharingRoutes, { prefix, service, data });
}
