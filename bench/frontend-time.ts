/**
 * Front end, time: how long after navigation the Executive Overview shows its figures in headless
 * Chromium, on a ledger of N transactions. Peer in the same run: the same page on a small ledger.
 * The built server (core 0) serves the built web app; Chromium runs from a process pinned to core 1.
 * The admin's session is put in localStorage before the app starts, so the measured navigation is
 * just "open the dashboard".
 */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, type RunningServer, startAppServer } from './lib/app-server.ts';
import type { PageSample, PageTarget, PageTimerJob } from './lib/page-timer.ts';
import { CORES, runJson, spawnPinned, stop } from './lib/proc.ts';
import { fmt, median, type Spread, spread } from './lib/stats.ts';
import { seed } from './widget-data.ts';

export interface PageTimeRow {
  transactions: number;
  navigation: 'cold' | 'warm';
  kpi: Spread;
  all: Spread;
  responseEnd: number;
  domContentLoaded: number;
  dataStart: number;
  dataResponseEnd: number;
  jsTransferKb: number;
  problems: string[];
}

export interface PageTimes {
  chromium: string;
  rounds: number;
  warmupRounds: number;
  rows: PageTimeRow[];
}

const TSX = path.resolve('node_modules/.bin/tsx');
const WEB = 'apps/web';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** The server serves apps/web/dist: build it when it is missing or older than the web app's sources. */
function ensureWebBuild(): void {
  const index = path.join(WEB, 'dist', 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(WEB, 'src')),
    newestMtime('packages/contracts/src'),
    ...['index.html', 'vite.config.ts', 'package.json'].map((f) => fs.statSync(path.join(WEB, f)).mtimeMs),
  );
  if (built > sources) return;
  process.stderr.write('  front end time: building apps/web/dist (missing or older than its sources)…\n');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: WEB,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function login(server: RunningServer): Promise<{ token: string; user: unknown }> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@logiaccounting.demo', password: 'Demo2024!Admin' }),
  });
  if (!res.ok) throw new Error(`login → ${res.status} ${await res.text()}`);
  return (await res.json()) as { token: string; user: unknown };
}

/** The page timer's result, or an error once `ms` have passed (the child is stopped). */
async function runBounded<T>(args: string[], ms: number): Promise<T> {
  const child = spawnPinned(CORES.client, TSX, args);
  const timer = setTimeout(() => void stop(child), ms);
  try {
    return await runJson<T>(child);
  } finally {
    clearTimeout(timer);
  }
}

export async function frontendTimeBench(opts: {
  sizes: number[];
  rounds: number;
  warmupRounds: number;
}): Promise<PageTimes> {
  ensureWebBuild();
  const dirs: string[] = [];
  const servers: RunningServer[] = [];
  try {
    const targets: PageTarget[] = [];
    for (const [i, size] of opts.sizes.entries()) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-bench-web-'));
      dirs.push(dataDir);
      process.stderr.write(`  front end time: seeding ${size.toLocaleString('en')} transactions…\n`);
      seed(size, { dataDir });
      const server = await startAppServer(8500 + i, { DATA_DIR: dataDir });
      servers.push(server);
      const session = await login(server);
      const dashboard = await api<{ id: string; layout: { type: string }[] }>(
        server,
        session.token,
        'POST',
        '/api/v1/dashboards',
        { name: 'Executive Overview', from_template: 'Executive Overview', is_default: true },
      );
      targets.push({
        label: String(size),
        url: `${server.url}/dashboard-builder?id=${dashboard.id}`,
        origin: server.url,
        storage: { 'logi.session': JSON.stringify(session) },
        kpiWidgets: dashboard.layout.filter((w) => w.type === 'kpi').length,
        widgets: dashboard.layout.length,
      });
    }
    const job: PageTimerJob = {
      targets,
      rounds: opts.rounds,
      warmupRounds: opts.warmupRounds,
      timeoutMs: 30_000,
    };
    const visits = (job.rounds + job.warmupRounds) * targets.length * 2;
    process.stderr.write(`  front end time: ${visits} navigations in headless Chromium…\n`);
    const result = await runBounded<{ chromium: string; samples: PageSample[] }>(
      ['bench/lib/page-timer.ts', JSON.stringify(job)],
      60_000 + visits * 2 * job.timeoutMs,
    );
    // JSON turned the NaN of a visit without figures into null.
    for (const sample of result.samples) {
      for (const [key, value] of Object.entries(sample)) {
        if (value === null) (sample as unknown as Record<string, number>)[key] = Number.NaN;
      }
    }
    const rows: PageTimeRow[] = [];
    for (const size of opts.sizes) {
      for (const navigation of ['cold', 'warm'] as const) {
        const runs = result.samples.filter((s) => s.label === String(size) && s.navigation === navigation);
        // Visits without figures count under "problems"; the times are those of the others.
        const ok = (xs: number[]) => xs.filter(Number.isFinite);
        const med = (pick: (s: PageSample) => number) => median(ok(runs.map(pick)));
        rows.push({
          transactions: size,
          navigation,
          kpi: spread(ok(runs.map((s) => s.kpiMs))),
          all: spread(ok(runs.map((s) => s.allMs))),
          responseEnd: med((s) => s.responseEndMs),
          domContentLoaded: med((s) => s.domContentLoadedMs),
          dataStart: med((s) => s.dataStartMs),
          dataResponseEnd: med((s) => s.dataResponseEndMs),
          jsTransferKb: med((s) => s.jsTransferKb),
          problems: [
            ...runs.flatMap((s) => s.problems),
            ...runs
              .filter((s) => !['navigate', 'failed'].includes(s.navigationType))
              .map((s) => `a ${s.navigationType}, not a navigation`),
          ],
        });
      }
    }
    return { chromium: result.chromium, rounds: opts.rounds, warmupRounds: opts.warmupRounds, rows };
  } finally {
    for (const server of servers) await server.stop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function pageTimeTable(t: PageTimes): string {
  const peerSize = Math.min(...t.rows.map((r) => r.transactions));
  const range = (s: Spread) => `${fmt(s.median, 0)} (${fmt(s.min, 0)}–${fmt(s.max, 0)})`;
  const lines = [
    `| transactions | navigation | KPI figures visible ms, p50 (min–max) | ÷ ${peerSize.toLocaleString('en')} | target < 1 s | all widgets drawn ms | HTML received ms | DOMContentLoaded ms | dashboard data request ms, sent → received | JS transferred kB | problems |`,
    '|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of t.rows) {
    const peer = t.rows.find((p) => p.transactions === peerSize && p.navigation === r.navigation);
    const ratio =
      r.transactions === peerSize ? 'peer' : peer ? `${fmt(r.kpi.median / peer.kpi.median)}×` : '';
    lines.push(
      `| ${r.transactions.toLocaleString('en')} | ${r.navigation} | ${range(r.kpi)} | ${ratio} | ${Number.isFinite(r.kpi.median) ? (r.kpi.median < 1000 ? 'met' : 'missed') : '–'} | ${range(r.all)} | ${fmt(r.responseEnd, 0)} | ${fmt(r.domContentLoaded, 0)} | ${fmt(r.dataStart, 0)} → ${fmt(r.dataResponseEnd, 0)} | ${fmt(r.jsTransferKb, 1)} | ${r.problems.length} |`,
    );
  }
  const problems = [...new Set(t.rows.flatMap((r) => r.problems))];
  return [
    `Time until the Executive Overview shows its figures, in headless Chromium ${t.chromium} (1400×1000) on core 1 — all its processes — with the server on core 0.`,
    'Milliseconds after navigation start on the page’s own clock (`performance.timeOrigin`), measured by a DOM observer injected before the app’s scripts.',
    `Cold: a new browser context (empty cache) per visit; warm: a second navigation to the same URL in that context (from about:blank, a plain navigation). Median of ${t.rounds} round${t.rounds === 1 ? '' : 's'}${t.warmupRounds ? ` after ${t.warmupRounds} uncounted warm-up round${t.warmupRounds === 1 ? '' : 's'}` : ''}; each round launches a fresh browser with a fresh profile and visits the sizes in random order.`,
    '“KPI figures visible”: every KPI widget shows its value, taken after the next frame; “all widgets drawn”: no widget still loading and every chart has its canvas. The other columns (medians) are Chromium’s own timings: HTML `responseEnd`, `domContentLoadedEventEnd` (the entry script has run), and the dashboard’s data request (`startTime` → `responseEnd`: the server’s share is the gap). The server sends the build’s prebuilt brotli files and lets the browser keep hashed assets (`immutable`): a cold visit transfers the compressed chunks, a warm one takes them from its cache and revalidates only the page.',
    '',
    ...lines,
    ...(problems.length ? ['', `Problems seen: ${problems.slice(0, 5).join('; ')}.`] : []),
  ].join('\n');
}

// Standalone: `npx tsx bench/frontend-time.ts [--smoke]` prints the table.
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const smoke = process.argv.includes('--smoke');
  const started = Date.now();
  const times = await frontendTimeBench(
    smoke
      ? { sizes: [1_000, 5_000], rounds: 1, warmupRounds: 0 }
      : { sizes: [10_000, 1_000_000], rounds: 3, warmupRounds: 1 },
  );
  console.log(pageTimeTable(times));
  console.log(`\n${JSON.stringify(times.rows)}\nTook ${Math.round((Date.now() - started) / 1000)} s.`);
}
