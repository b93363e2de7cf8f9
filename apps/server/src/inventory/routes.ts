import {
  CreateMaterialBody,
  IdParams,
  Material,
  MaterialList,
  MaterialQuery,
  MovementBody,
  UpdateMaterialBody,
} from '@logi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ONLY, currentUser } from '../auth/access.ts';
import { requireId } from '../platform/ids.ts';
import { type InventoryService, presentMaterial } from './service.ts';

export const inventoryRoutes: FastifyPluginAsyncZod<{ inventory: InventoryService }> = async (
  app,
  { inventory },
) => {
  const config = { access: ADMIN_ONLY };
  const tags = ['materials'];
  const id = (raw: string) => requireId(raw, 'This material');

  app.get(
    '/',
    {
      config,
      schema: {
        tags,
        summary: 'List materials',
        querystring: MaterialQuery,
        response: { 200: MaterialList },
      },
    },
    async (req) => {
      const page = await inventory.list(req.query);
      return { materials: page.rows.map(presentMaterial), next_cursor: page.next_cursor };
    },
  );
  app.post(
    '/',
    {
      config,
      schema: { tags, summary: 'Create a material', body: CreateMaterialBody, response: { 201: Material } },
    },
    async (req, reply) =>
      reply.status(201).send(presentMaterial(await inventory.create(req.body, currentUser(req)))),
  );
  app.get(
    '/:id',
    { config, schema: { tags, summary: 'One material', params: IdParams, response: { 200: Material } } },
    async (req) => presentMaterial(await inventory.get(id(req.params.id))),
  );
  app.put(
    '/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a material',
        params: IdParams,
        body: UpdateMaterialBody,
        response: { 200: Material },
      },
    },
    async (req) => presentMaterial(await inventory.update(id(req.params.id), req.body, currentUser(req))),
  );
  app.delete(
    '/:id',
    { config, schema: { tags, summary: 'Delete a material', params: IdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await inventory.remove(id(req.params.id), currentUser(req));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/:id/movements',
    {
      config,
      schema: {
        tags,
        summary: 'Move stock in or out (never below zero: 409)',
        params: IdParams,
        body: MovementBody,
        response: { 200: Material },
      },
    },
    async (req) => presentMaterial(await inventory.move(id(req.params.id), req.body, currentUser(req))),
  );
};
