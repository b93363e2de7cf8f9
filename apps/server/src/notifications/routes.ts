import { IdParams, NotificationFeed, NotificationQuery, Preferences, UnreadCount } from '@logi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../auth/access.ts';
import type { NotificationsService } from './service.ts';

/** `/api/v1/notifications`: every route is the caller's own feed, whatever the role. */
export const notificationsRoutes: FastifyPluginAsyncZod<{ service: NotificationsService }> = async (
  app,
  { service },
) => {
  const config = { access: 'signed-in' as const };
  const tags = ['notifications'];

  app.get(
    '/',
    {
      config,
      schema: {
        tags,
        summary: 'Your notifications, newest first, with the unread count',
        querystring: NotificationQuery,
        response: { 200: NotificationFeed },
      },
    },
    async (req) => service.feed(currentUser(req), req.query),
  );
  app.post(
    '/:id/read',
    {
      config,
      schema: {
        tags,
        summary: 'Mark one notification read',
        params: IdParams,
        response: { 200: UnreadCount },
      },
    },
    async (req) => service.markRead(currentUser(req), req.params.id),
  );
  app.post(
    '/read-all',
    { config, schema: { tags, summary: 'Mark all your notifications read', response: { 200: UnreadCount } } },
    async (req) => service.markAllRead(currentUser(req)),
  );
  app.delete(
    '/',
    { config, schema: { tags, summary: 'Clear your notifications', response: { 204: z.null() } } },
    async (req, reply) => {
      await service.clear(currentUser(req));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/preferences',
    { config, schema: { tags, summary: 'Events you muted', response: { 200: Preferences } } },
    async (req) => service.preferences(currentUser(req)),
  );
  app.put(
    '/preferences',
    {
      config,
      schema: {
        tags,
        summary: 'Mute events: they are still stored in the feed, just not pushed',
        body: Preferences,
        response: { 200: Preferences },
      },
    },
    async (req) => service.savePreferences(currentUser(req), req.body.muted_events),
  );
};
