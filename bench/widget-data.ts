/**
 * Widget data latency: GET /dashboards/{id}/data for the Executive Overview template and a
 * 12-widget dashboard, and one KPI widget alone, at growing ledger sizes, on SQLite and PostgreSQL.
 * Peer in the same run: the spec's load-every-row approach on the same database.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { api, startAppServer } from './lib/app-server.ts';
import { CORES, runJson, spawnPinned, stop, waitForHttp } from './lib/proc.ts';
import { fmt, median, shuffle, spread } from './lib/stats.ts';

interface Load {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  clientCpuPct: number;
}

export interface WidgetRow {
  engine: string;
  transactions: number;
  contender: string;
  p50: number;
  p95: number;
  p99: number;
  p95min: number;
  p95max: number;
  errors: number;
}

const TSX = path.resolve('node_modules/.bin/tsx');

function load(url: string, requests: number, token?: string): Promise<Load> {
  const args = [
    'bench/lib/http-load.ts',
    url,
    '1',
    String(requests),
    'GET',
    '',
    token ? `Bearer ${token}` : '',
  ];
  return runJson<Load>(spawnPinned(CORES.client, TSX, args));
}

/** Fills an empty database (SQLite data directory or PostgreSQL URL) with the seed CLI's synthetic ledger. */
export function seed(transactions: number, target: { dataDir?: string; databaseUrl?: string }) {
  const args = ['apps/server/src/seed/cli.ts', '--transactions', String(transactions)];
  if (target.dataDir) args.push('--data-dir', target.dataDir);
  if (target.databaseUrl) args.push('--database-url', target.databaseUrl);
  execFileSync(TSX, args, { stdio: ['ignore', 'ignore', 'ignore'] });
}

async function freshPgDatabase(baseUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name}`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return baseUrl.replace(/\/[^/]*$/, `/${name}`);
}

type Layout = { type: string; x: number; y: number; w: number; h: number; config: Record<string, string> }[];

/** One widget of every type, packed row by row at each type's minimum size. */
function twelveWidgetLayout(
  types: Record<string, { min_w: number; min_h: number }>,
  metrics: Record<string, { name: string }[]>,
): Layout {
  const layout: Layout = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const [type, size] of Object.entries(types)) {
    if (x + size.min_w > 12) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const metric = metrics[type]?.[0]?.name;
    const config: Record<string, string> =
      type === 'notes' ? { text: 'Bench note' } : metric ? { metric } : {};
    layout.push({ type, x, y, w: size.min_w, h: size.min_h, config });
    x += size.min_w;
    rowHeight = Math.max(rowHeight, size.min_h);
  }
  return layout;
}

export async function widgetDataBench(opts: {
  sizes: number[];
  requests: number;
  naiveRequests: (n: number) => number;
  postgresUrl?: string;
}): Promise<WidgetRow[]> {
  const rows: WidgetRow[] = [];
  const engines: ('sqlite' | 'postgres')[] = opts.postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const engine of engines) {
    for (const size of opts.sizes) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-bench-'));
      const databaseUrl =
        engine === 'postgres' && opts.postgresUrl
          ? await freshPgDatabase(opts.postgresUrl, `bench_${size}`)
          : undefined;
      process.stderr.write(
        `  widget data: seeding ${size.toLocaleString('en')} transactions on ${engine}…\n`,
      );
      seed(size, databaseUrl ? { databaseUrl } : { dataDir });
      const env = databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir };
      const server = await startAppServer(8200, env);
      const naive = spawnPinned(CORES.server, TSX, [
        'bench/naive-peer.ts',
        '8300',
        databaseUrl ?? path.join(dataDir, 'logiaccounting.sqlite'),
      ]);
      try {
        await waitForHttp('http://127.0.0.1:8300/');
        const token = await server.token();
        const exec = await api<{ id: string; layout: { widget_id: string; type: string }[] }>(
          server,
          token,
          'POST',
          '/api/v1/dashboards',
          {
            name: 'Executive Overview',
            from_template: 'Executive Overview',
          },
        );
        const types = (
          await api<{ types: Record<string, { min_w: number; min_h: number }> }>(
            server,
            token,
            'GET',
            '/api/v1/dashboards/widget-types',
          )
        ).types;
        const metrics = (
          await api<{ metrics: Record<string, { name: string }[]> }>(
            server,
            token,
            'GET',
            '/api/v1/dashboards/metrics',
          )
        ).metrics;
        const twelve = await api<{ id: string }>(server, token, 'POST', '/api/v1/dashboards', {
          name: 'All widgets',
          layout: twelveWidgetLayout(types, metrics),
        });
        const kpi = exec.layout.find((w) => w.type === 'kpi')!;
        const contenders: Record<string, () => Promise<Load>> = {
          'ours: Executive Overview': () =>
            load(`${server.url}/api/v1/dashboards/${exec.id}/data`, opts.requests, token),
          'ours: 12 widgets': () =>
            load(`${server.url}/api/v1/dashboards/${twelve.id}/data`, opts.requests, token),
          'ours: one KPI widget': () =>
            load(
              `${server.url}/api/v1/dashboards/${exec.id}/widgets/${kpi.widget_id}/data`,
              opts.requests,
              token,
            ),
          'peer: spec approach (load all rows)': () =>
            load('http://127.0.0.1:8300/', opts.naiveRequests(size)),
        };
        // Warm-up: ours at full count (JIT, page cache, pool); the peer once (at 1M one request takes seconds).
        for (const [name, run] of Object.entries(contenders)) if (!name.startsWith('peer')) await run();
        await load('http://127.0.0.1:8300/', 1);
        const results: Record<string, Load[]> = {};
        for (let round = 0; round < 3; round++) {
          for (const name of shuffle(Object.keys(contenders))) {
            const result = await contenders[name]!();
            results[name] = [...(results[name] ?? []), result];
          }
        }
        for (const [contender, runs] of Object.entries(results)) {
          const p95 = spread(runs.map((r) => r.p95));
          rows.push({
            engine,
            transactions: size,
            contender,
            p50: median(runs.map((r) => r.p50)),
            p95: p95.median,
            p99: median(runs.map((r) => r.p99)),
            p95min: p95.min,
            p95max: p95.max,
            errors: runs.reduce((s, r) => s + r.errors, 0),
          });
        }
      } finally {
        await stop(naive);
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  return rows;
}

export function widgetTable(rows: WidgetRow[]): string {
  const lines = [
    '| engine | transactions | contender | p50 ms | p95 ms (min–max) | p99 ms | errors | peer ÷ ours (p95) |',
    '|---|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const peer = rows.find(
      (p) => p.engine === r.engine && p.transactions === r.transactions && p.contender.startsWith('peer'),
    );
    const ratio = r.contender === 'ours: Executive Overview' && peer ? `${fmt(peer.p95 / r.p95, 1)}×` : '';
    lines.push(
      `| ${r.engine} | ${r.transactions.toLocaleString('en')} | ${r.contender} | ${fmt(r.p50)} | ${fmt(r.p95)} (${fmt(r.p95min)}–${fmt(r.p95max)}) | ${fmt(r.p99)} | ${r.errors} | ${ratio} |`,
    );
  }
  return lines.join('\n');
}
