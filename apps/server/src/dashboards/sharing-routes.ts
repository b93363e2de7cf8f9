import {
  DashboardData,
  DataQuery,
  IdParams,
  MessageBody,
  ShareBody,
  SharedDashboard,
  ShareResponse,
  TokenParams,
  TokenWidgetParams,
  WidgetData,
} from '@logi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ADMIN_ONLY, currentUser } from '../auth/access.ts';
import { requireId } from '../platform/ids.ts';
import { layoutOf, presentShared } from './presenters.ts';
import type { DashboardsService } from './service.ts';
import type { WidgetDataService } from './widget-data.ts';

const tags = ['dashboards'];
// Anyone holding a link may read; the limit keeps a scraper from hammering the data queries.
const publicConfig = { access: 'public' as const, rateLimit: { max: 300, timeWindow: '1 minute' } };

/** Sharing a dashboard by link (owner) and reading it through that link (anyone, read-only). */
export const sharingRoutes: FastifyPluginAsyncZod<{
  service: DashboardsService;
  data: WidgetDataService;
}> = async (app, { service, data }) => {
  app.post(
    '/:id/share',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Share by link (a new link each time)',
        params: IdParams,
        body: ShareBody,
        response: { 200: ShareResponse },
      },
    },
    async (req) => {
      const id = requireId(req.params.id, 'This dashboard');
      const row = await service.share(id, req.body?.expires_in_days, currentUser(req));
      const token = row.share_token ?? '';
      return {
        share_token: token,
        share_url: `/dashboard/shared/${token}`,
        expires_at: row.share_expires_at,
      };
    },
  );
  app.delete(
    '/:id/share',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Stop sharing (the link dies)',
        params: IdParams,
        response: { 200: MessageBody },
      },
    },
    async (req) => {
      await service.unshare(requireId(req.params.id, 'This dashboard'), currentUser(req));
      return { message: 'Sharing disabled' };
    },
  );

  app.get(
    '/shared/:token',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'A shared dashboard',
        params: TokenParams,
        response: { 200: SharedDashboard },
      },
    },
    async (req) => presentShared(await service.shared(req.params.token)),
  );
  app.get(
    '/shared/:token/data',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Data of a shared dashboard',
        params: TokenParams,
        querystring: DataQuery,
        response: { 200: DashboardData },
      },
    },
    async (req) => data.forLayout(layoutOf(await service.shared(req.params.token)), req.query.period),
  );
  app.get(
    '/shared/:token/widgets/:widget_id/data',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Data of one widget of a shared dashboard',
        params: TokenWidgetParams,
        querystring: DataQuery,
        response: { 200: WidgetData },
      },
    },
    async (req) =>
      data.forWidget(
        layoutOf(await service.shared(req.params.token)),
        req.params.widget_id,
        req.query.period,
      ),
  );
};
