import fs from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessPlugin } from './auth/access.ts';
import { authRoutes } from './auth/routes.ts';
import { TokenService } from './auth/tokens.ts';
import type { Config } from './config.ts';
import { registerDashboards } from './dashboards/index.ts';
import { type DatabaseHandle, openDatabase } from './db/index.ts';
import { migrateToLatest } from './db/migrate.ts';
import { inventoryRoutes } from './inventory/routes.ts';
import { createInventoryService } from './inventory/service.ts';
import { ledgerRoutes } from './ledger/routes.ts';
import { createLedgerService } from './ledger/service.ts';
import { registerNotifications } from './notifications/index.ts';
import { paymentsRoutes } from './payments/routes.ts';
import { createPaymentsService } from './payments/service.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { AppContext } from './platform/context.ts';
import { frameworkErrors, notFoundBody, registerErrorHandling } from './platform/http-errors.ts';
import { loggerOptions } from './platform/logger.ts';
import { DomainEvents } from './platform/unit-of-work.ts';
import { seedIfEmpty } from './seed/demo.ts';
import { usersRoutes } from './users/routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export interface BuildOptions {
  clock?: Clock;
  /** Log to this stream instead of stdout (tests capture lines to check redaction). */
  logStream?: NodeJS.WritableStream;
}

/** Builds the whole server without listening: used by `main.ts` and by every integration test. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const database: DatabaseHandle = openDatabase(config.database);
  await migrateToLatest(database);

  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: false,
    frameworkErrors,
    // On close, drop idle keep-alive connections only: `true` also destroyed requests still in
    // flight (a SIGTERM cut a half-received POST; reliability/graceful-shutdown.test.ts).
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook('onClose', () => database.close());

  const events = new DomainEvents(database.db);
  const tokens = await TokenService.create(database.db, config.jwtSecret);
  const ctx: AppContext = {
    config,
    db: database.db,
    engine: database.engine,
    clock: options.clock ?? systemClock,
    events,
    tokens,
  };
  app.decorate('ctx', ctx);

  await app.register(helmet, {
    // The app is often served over plain HTTP on a LAN address: HSTS and upgrade-insecure-requests
    // would make browsers rewrite its scripts and socket to https/wss and fail. A TLS proxy in
    // front adds HSTS itself.
    hsts: false,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: null,
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'LogiAccounting Pro API',
        version: '1.0.0',
        description: 'Logistics and accounting: business data, dashboards, notifications.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });
  await app.register(accessPlugin, { db: ctx.db, tokens });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => {
      await ctx.db.selectFrom('settings').select('key').limit(1).execute();
      return { status: 'ok' as const };
    },
  );

  const ledger = createLedgerService(ctx);
  await app.register(authRoutes, { prefix: '/api/v1/auth', ctx });
  await app.register(usersRoutes, { prefix: '/api/v1/users', ctx });
  await app.register(ledgerRoutes, { prefix: '/api/v1', ctx, ledger });
  await app.register(inventoryRoutes, {
    prefix: '/api/v1/materials',
    inventory: createInventoryService(ctx),
  });
  await app.register(paymentsRoutes, { prefix: '/api/v1/payments', payments: createPaymentsService(ctx) });

  await registerNotifications(app, ctx);
  await registerDashboards(app, ctx);

  await serveWebApp(app, config.webDist);
  await seedIfEmpty(ctx, config.seed);
  return app;
}

/**
 * The built SPA when present, with client-side routes falling back to index.html. Vite names every
 * file under assets/ by its content hash, so those are cached for a year without revalidation; the
 * pages that point at them are revalidated on every visit, so a new build is picked up at once.
 * The build ships .br/.gz siblings, sent to browsers that accept them.
 */
async function serveWebApp(app: FastifyInstance, dist: string | undefined): Promise<void> {
  const hasWeb = !!dist && fs.existsSync(path.join(dist, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: dist,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const hashed = path.relative(dist, filePath).startsWith(`assets${path.sep}`);
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        // The same URL is sent br, gzip or plain: a shared cache must key on what the browser accepts.
        res.setHeader('vary', 'accept-encoding');
      },
    });
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !pathname.startsWith('/api/') &&
      !pathname.startsWith('/ws') &&
      !path.extname(pathname);
    if (hasWeb && isPage) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send(notFoundBody(request.method, request.url));
  });
}
