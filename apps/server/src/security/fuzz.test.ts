import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { describeRequest, type HostileRequest, type KnownValues, requestArbitrary } from './hostile.ts';
import { type Operation, publishedOperations } from './openapi.ts';
import { changedTables, contractErrorProblems, digestTables, hostileTokens } from './support.ts';

/**
 * Hostile input on every route the OpenAPI document lists (routes added later are fuzzed without
 * editing this file). An attacker must never see a 5xx, every refusal is the contract's error shape,
 * and a refused request leaves every table exactly as it was.
 *
 * Deterministic: FUZZ_SEED (default below) and FUZZ_RUNS (per route) reproduce a run; fast-check
 * prints the seed and path of any counterexample.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_615);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

const operations = await publishedOperations();

/** A URL the router cannot even match (malformed %-escape, over-long segment, `..`): refused before access is known. */
function isUnroutable(res: LightMyRequestResponse): boolean {
  const detail = String((res.json() as { detail?: unknown }).detail);
  return (
    res.statusCode === 414 ||
    (res.statusCode === 400 && detail.startsWith('The address')) ||
    (res.statusCode === 404 && detail.startsWith('There is no '))
  );
}

describe(`hostile input on every route (seed ${SEED}, ${RUNS} runs per route)`, () => {
  let t: TestApp;
  let known: KnownValues;
  const headersOf = new Map<string, Record<string, string>>();
  let lastDigest: Record<string, string>;
  let adminAuth: Record<string, string> = {};
  /** Status codes seen per route: FUZZ_VERBOSE=1 prints them, to see how deep the fuzz reaches. */
  const statuses = new Map<string, number[]>();

  beforeAll(async () => {
    // No payment-reminder pass during the run: it would write notifications between two requests.
    t = await startTestApp({ config: { schedulerIntervalMs: 24 * 60 * 60 * 1000 } });
    const admin = await t.newUser('admin');
    const client = await t.newUser('client');
    const supplier = await t.newUser('supplier');
    const make = factories(t.app, admin);
    const expense = await make.category('expense');
    const income = await make.category('income');
    const material = await make.category('material');
    const ids = [admin.id, client.id, supplier.id, expense.id, income.id, material.id];
    ids.push((await make.transaction({ amount: 12.5, category_id: expense.id })).id);
    ids.push((await make.transaction({ type: 'income', amount: 20_000, category_id: income.id })).id);
    ids.push((await make.material({ category_id: material.id, quantity: 5, min_stock: 2 })).id);
    ids.push(
      (await make.payment({ amount: 99.99, due_date: '2026-06-20', counterparty_user_id: client.id })).id,
    );
    ids.push((await make.budget({ category_id: expense.id, period: '2026-06', amount: 500 })).id);
    adminAuth = admin.auth;
    const shared = await sharedDashboard();
    if (shared) ids.push(shared.id);
    known = {
      ids: [...new Set([...ids, '1', '2'])],
      widgetIds: shared?.widgetIds ?? [],
      tokens: shared ? [shared.token] : [],
    };

    const bad = await hostileTokens(t.app.ctx, admin.id);
    headersOf.set('admin', admin.auth);
    headersOf.set('client', client.auth);
    headersOf.set('supplier', supplier.auth);
    headersOf.set('anonymous', {});
    headersOf.set('empty bearer', { authorization: 'Bearer ' });
    headersOf.set('basic auth', { authorization: `Basic ${Buffer.from('admin:x').toString('base64')}` });
    headersOf.set('huge bearer', { authorization: `Bearer ${'A'.repeat(100_000)}` });
    for (const [name, token] of Object.entries(bad))
      headersOf.set(name, { authorization: `Bearer ${token}` });
    lastDigest = await digestTables(t.app.ctx);
  });

  afterAll(async () => {
    if (process.env.FUZZ_VERBOSE) {
      for (const [label, seen] of statuses) {
        const counts = new Map<number, number>();
        for (const status of seen) counts.set(status, (counts.get(status) ?? 0) + 1);
        console.log(`${label}: ${[...counts].map(([status, n]) => `${status}×${n}`).join(' ')}`);
      }
    }
    await t?.close();
  });

  /**
   * A dashboard made from the first template and shared, so routes taking a dashboard id, widget id
   * or share token also get real ones (made again before each share-token route: earlier routes'
   * fuzz may have deleted or unshared it).
   */
  async function sharedDashboard(): Promise<{ id: string; widgetIds: string[]; token: string } | undefined> {
    if (!operations.some((op) => op.path === '/api/v1/dashboards' && op.method === 'POST')) return undefined;
    const templates = await t.app.inject({ url: '/api/v1/dashboards/templates', headers: adminAuth });
    const [template] = (templates.json() as { templates?: { name: string }[] }).templates ?? [];
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dashboards',
      headers: adminAuth,
      payload: { name: 'Fuzzed', ...(template ? { from_template: template.name } : {}) },
    });
    const dashboard = created.json() as { id: string; layout: { widget_id: string }[] };
    const share = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dashboards/${dashboard.id}/share`,
      headers: adminAuth,
      payload: {},
    });
    if (created.statusCode !== 201 || share.statusCode >= 300)
      throw new Error(
        `could not make a shared dashboard: ${created.statusCode} ${share.statusCode} ${share.body}`,
      );
    return {
      id: dashboard.id,
      widgetIds: dashboard.layout.map((w) => w.widget_id),
      token: (share.json() as { share_token: string }).share_token,
    };
  }

  /** Sends one request and says everything an attacker could notice that the contract forbids. */
  async function send(op: Operation, r: HostileRequest): Promise<string[]> {
    const headers: Record<string, string> = { ...headersOf.get(r.identity) };
    if (r.body.contentType) headers['content-type'] = r.body.contentType;
    const res = await t.app.inject({
      method: r.method as Operation['method'],
      url: r.url,
      query: r.query,
      headers,
      ...(r.body.payload === undefined ? {} : { payload: r.body.payload }),
    });
    statuses.set(op.label, [...(statuses.get(op.label) ?? []), res.statusCode]);
    const problems: string[] = [];
    if (res.statusCode >= 500) problems.push(`answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    const isCaller = ['admin', 'client', 'supplier'].includes(r.identity);
    if (!isCaller && op.access !== 'public' && res.statusCode !== 401 && !isUnroutable(res))
      problems.push(`a caller without a valid token got ${res.statusCode} instead of 401`);
    const after = await digestTables(t.app.ctx);
    if (res.statusCode >= 400) {
      problems.push(...contractErrorProblems(res).map((p) => `${res.statusCode} body: ${p}`));
      const changed = changedTables(lastDigest, after);
      if (changed.length) problems.push(`refused with ${res.statusCode} but changed ${changed.join(', ')}`);
    }
    lastDigest = after;
    return problems;
  }

  for (const op of operations) {
    it(`${op.label}: hostile requests get a 4xx in the contract's shape and change nothing`, async () => {
      if (op.pathParams.some((p) => p.name === 'token')) {
        const shared = await sharedDashboard();
        if (shared)
          known = { ids: [...known.ids, shared.id], widgetIds: shared.widgetIds, tokens: [shared.token] };
        lastDigest = await digestTables(t.app.ctx);
      }
      const identities = ['admin', ...[...headersOf.keys()].filter((n) => n !== 'admin')];
      const arbitrary = requestArbitrary(op, known, identities).map((r) =>
        Object.assign(r, { [fc.toStringMethod]: () => describeRequest(r) }),
      );
      const result = await fc.check(
        fc.asyncProperty(arbitrary, async (r) => {
          const problems = await send(op, r);
          if (problems.length) throw new Error(problems.join('; '));
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
      );
      // The report names the seed, the path to replay it, the request and what went wrong.
      expect(result.failed ? fc.defaultReportMessage(result) : undefined).toBeUndefined();
    });
  }
});
