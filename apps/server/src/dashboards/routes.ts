import {
  CreateDashboardBody,
  Dashboard,
  DashboardData,
  DashboardExport,
  DashboardList,
  DataQuery,
  IdParams,
  MessageBody,
  MetricsResponse,
  TemplateList,
  UpdateDashboardBody,
  UpdateLayoutBody,
  UpdateWidgetBody,
  WIDGET_TYPES,
  WidgetData,
  WidgetParams,
  WidgetPlacement,
  WidgetTypesResponse,
} from '@logi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ADMIN_ONLY, currentUser } from '../auth/access.ts';
import { requireId } from '../platform/ids.ts';
import { metricCatalog } from './metrics/registry.ts';
import { layoutOf, presentDashboard, presentExport } from './presenters.ts';
import type { DashboardsService } from './service.ts';
import { TEMPLATES } from './templates.ts';
import type { WidgetDataService } from './widget-data.ts';

const tags = ['dashboards'];
const config = { access: ADMIN_ONLY };
const dashboardId = (raw: string) => requireId(raw, 'This dashboard');

/** The owner's routes: catalog, dashboards, layout, widgets, copies and widget data. Admins only. */
export const dashboardRoutes: FastifyPluginAsyncZod<{
  service: DashboardsService;
  data: WidgetDataService;
}> = async (app, { service, data }) => {
  app.get(
    '/widget-types',
    {
      config,
      schema: { tags, summary: 'Widget types and their grid sizes', response: { 200: WidgetTypesResponse } },
    },
    async () => ({ types: WIDGET_TYPES }),
  );
  app.get(
    '/templates',
    { config, schema: { tags, summary: 'Ready-made dashboards', response: { 200: TemplateList } } },
    async () => ({ templates: [...TEMPLATES] }),
  );
  app.get(
    '/metrics',
    {
      config,
      schema: { tags, summary: 'Metrics each widget type can show', response: { 200: MetricsResponse } },
    },
    async () => ({ metrics: metricCatalog() }),
  );

  app.get(
    '',
    { config, schema: { tags, summary: 'Your dashboards', response: { 200: DashboardList } } },
    async (req) => ({ dashboards: (await service.list(currentUser(req))).map(presentDashboard) }),
  );
  app.post(
    '',
    {
      config,
      schema: {
        tags,
        summary: 'Create a dashboard',
        body: CreateDashboardBody,
        response: { 201: Dashboard },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentDashboard(await service.create(req.body, currentUser(req)))),
  );
  app.post(
    '/import',
    {
      config,
      schema: {
        tags,
        summary: 'Create a dashboard from an export',
        body: DashboardExport,
        response: { 201: Dashboard },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentDashboard(await service.import(req.body, currentUser(req)))),
  );
  app.get(
    '/:id',
    { config, schema: { tags, summary: 'One dashboard', params: IdParams, response: { 200: Dashboard } } },
    async (req) => presentDashboard(await service.get(dashboardId(req.params.id), currentUser(req))),
  );
  app.put(
    '/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Rename, make default, change refresh interval',
        params: IdParams,
        body: UpdateDashboardBody,
        response: { 200: Dashboard },
      },
    },
    async (req) =>
      presentDashboard(await service.update(dashboardId(req.params.id), req.body, currentUser(req))),
  );
  app.delete(
    '/:id',
    {
      config,
      schema: { tags, summary: 'Delete a dashboard', params: IdParams, response: { 200: MessageBody } },
    },
    async (req) => {
      await service.remove(dashboardId(req.params.id), currentUser(req));
      return { message: 'Dashboard deleted' };
    },
  );
  app.put(
    '/:id/layout',
    {
      config,
      schema: {
        tags,
        summary: 'Replace the layout',
        params: IdParams,
        body: UpdateLayoutBody,
        response: { 200: Dashboard },
      },
    },
    async (req) =>
      presentDashboard(
        await service.setLayout(dashboardId(req.params.id), req.body.layout, currentUser(req)),
      ),
  );
  app.post(
    '/:id/widgets',
    {
      config,
      schema: {
        tags,
        summary: 'Add a widget',
        params: IdParams,
        body: WidgetPlacement,
        response: { 201: Dashboard },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          presentDashboard(await service.addWidget(dashboardId(req.params.id), req.body, currentUser(req))),
        ),
  );
  app.put(
    '/:id/widgets/:widget_id',
    {
      config,
      schema: {
        tags,
        summary: 'Move, resize or reconfigure a widget',
        params: WidgetParams,
        body: UpdateWidgetBody,
        response: { 200: Dashboard },
      },
    },
    async (req) =>
      presentDashboard(
        await service.updateWidget(
          dashboardId(req.params.id),
          req.params.widget_id,
          req.body,
          currentUser(req),
        ),
      ),
  );
  app.delete(
    '/:id/widgets/:widget_id',
    {
      config,
      schema: { tags, summary: 'Remove a widget', params: WidgetParams, response: { 200: Dashboard } },
    },
    async (req) =>
      presentDashboard(
        await service.removeWidget(dashboardId(req.params.id), req.params.widget_id, currentUser(req)),
      ),
  );
  app.post(
    '/:id/duplicate',
    { config, schema: { tags, summary: 'Copy a dashboard', params: IdParams, response: { 201: Dashboard } } },
    async (req, reply) =>
      reply
        .status(201)
        .send(presentDashboard(await service.duplicate(dashboardId(req.params.id), currentUser(req)))),
  );
  app.get(
    '/:id/export',
    {
      config,
      schema: {
        tags,
        summary: 'The dashboard as a JSON document',
        params: IdParams,
        response: { 200: DashboardExport },
      },
    },
    async (req) => presentExport(await service.get(dashboardId(req.params.id), currentUser(req))),
  );

  app.get(
    '/:id/data',
    {
      config,
      schema: {
        tags,
        summary: 'Data of every widget',
        params: IdParams,
        querystring: DataQuery,
        response: { 200: DashboardData },
      },
    },
    async (req) => {
      const row = await service.get(dashboardId(req.params.id), currentUser(req));
      return data.forLayout(layoutOf(row), req.query.period);
    },
  );
  app.get(
    '/:id/widgets/:widget_id/data',
    {
      config,
      schema: {
        tags,
        summary: 'Data of one widget',
        params: WidgetParams,
        querystring: DataQuery,
        response: { 200: WidgetData },
      },
    },
    async (req) => {
      const row = await service.get(dashboardId(req.params.id), currentUser(req));
      return data.forWidget(layoutOf(row), req.params.widget_id, req.query.period);
    },
  );
};
