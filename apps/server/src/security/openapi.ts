import type { Role } from '@logi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Access } from '../auth/access.ts';
import { startTestApp } from '../test/harness.ts';

/** The part of JSON Schema that zod's OpenAPI output uses (enough to generate requests from it). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
}

interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** One route of the API as the OpenAPI document describes it. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, e.g. `/api/v1/payments/{id}`. */
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
  /** Who may call it (see `expectedAccess`). */
  access: Access;
  /** `GET /api/v1/payments/{id}`: how failures name the route. */
  label: string;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Who may call a route. The OpenAPI document does not carry `config.access`, so this is the
 * contract's rule written down once: every `/api` route is admin-only unless listed here
 * (CONTRACT.md: "admin sees and changes everything; client and supplier see only payments…").
 */
const NOT_ADMIN_ONLY: { method: string | '*'; path: RegExp; access: Access }[] = [
  { method: 'POST', path: /^\/api\/v1\/auth\/login$/, access: 'public' },
  { method: 'GET', path: /^\/api\/v1\/auth\/me$/, access: 'signed-in' },
  { method: 'GET', path: /^\/api\/v1\/categories$/, access: 'signed-in' },
  // Every role reads payments; the service narrows clients and suppliers to their own.
  { method: 'GET', path: /^\/api\/v1\/payments\/?(\{id\})?$/, access: 'signed-in' },
  { method: '*', path: /^\/api\/v1\/notifications(\/|$)/, access: 'signed-in' },
  { method: 'GET', path: /^\/api\/v1\/dashboards\/shared\//, access: 'public' },
];

const ADMIN: readonly Role[] = ['admin'];

export function expectedAccess(method: string, path: string): Access {
  if (!path.startsWith('/api/')) return 'public';
  const listed = NOT_ADMIN_ONLY.find((r) => (r.method === '*' || r.method === method) && r.path.test(path));
  return listed ? listed.access : ADMIN;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [lower, op] of Object.entries(item)) {
      const method = lower.toUpperCase();
      if (!METHODS.has(method)) continue;
      const params = op.parameters ?? [];
      operations.push({
        method: method as Operation['method'],
        path,
        pathParams: params
          .filter((p) => p.in === 'path')
          .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} })),
        body: op.requestBody?.content?.['application/json']?.schema,
        access: expectedAccess(method, path),
        label: `${method} ${path}`,
      });
    }
  }
  return operations;
}

export async function readOpenApi(app: FastifyInstance): Promise<OpenApiDocument> {
  const res = await app.inject('/openapi.json');
  if (res.statusCode !== 200) throw new Error(`/openapi.json answered ${res.statusCode}`);
  return res.json() as OpenApiDocument;
}

/**
 * Every route the server publishes, read from a throwaway app. Test files call this at load time
 * so each route becomes its own test, and routes added later are covered without editing the tests.
 */
export async function publishedOperations(): Promise<Operation[]> {
  const probe = await startTestApp();
  try {
    return operationsOf(await readOpenApi(probe.app));
  } finally {
    await probe.close();
  }
}

/** `/api/v1/payments/{id}` with `{id: '7'}` → `/api/v1/payments/7` (values are inserted as given). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? 'missing');
}

export const isAdminOnly = (access: Access): boolean =>
  Array.isArray(access) && access.length === 1 && access[0] === 'admin';
