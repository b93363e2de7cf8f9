/**
 * Write path: transactions created per second through HTTP with everything on (rollups, outbox,
 * notifications), and the same with rollup upkeep off (ROLLUPS=off), so its cost is visible.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, startAppServer } from './lib/app-server.ts';
import { CORES, runJson, spawnPinned } from './lib/proc.ts';
import { fmt, median, shuffle, spread } from './lib/stats.ts';

interface Load {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  clientCpuPct: number;
}
export interface WriteRow {
  variant: string;
  rps: number;
  rpsMin: number;
  rpsMax: number;
  p50: number;
  p99: number;
  errors: number;
  clientCpuPct: number;
}

const TSX = path.resolve('node_modules/.bin/tsx');

export async function writePathBench(opts: { requests: number; connections: number }): Promise<WriteRow[]> {
  const variants = {
    'rollups + outbox + notifications': 'on',
    'rollups off (outbox + notifications on)': 'off',
  } as const;
  const runs: Record<string, Load[]> = {};
  for (let round = 0; round < 3; round++) {
    for (const variant of shuffle(Object.keys(variants)) as (keyof typeof variants)[]) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-bench-write-'));
      const server = await startAppServer(8210, { DATA_DIR: dataDir, ROLLUPS: variants[variant] });
      try {
        const token = await server.token();
        const category = await api<{ id: string }>(server, token, 'POST', '/api/v1/categories', {
          name: 'Bench',
          type: 'expense',
        });
        const body = JSON.stringify({
          type: 'expense',
          amount: 123.45,
          category_id: category.id,
          date: new Date().toISOString().slice(0, 10),
          description: 'bench',
        });
        const args = [
          'bench/lib/http-load.ts',
          `${server.url}/api/v1/transactions`,
          String(opts.connections),
          String(opts.requests),
          'POST',
          body,
          `Bearer ${token}`,
        ];
        const result = await runJson<Load>(spawnPinned(CORES.client, TSX, args));
        runs[variant] = [...(runs[variant] ?? []), result];
      } finally {
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  return Object.entries(runs).map(([variant, r]) => {
    const rps = spread(r.map((x) => x.rps));
    return {
      variant,
      rps: rps.median,
      rpsMin: rps.min,
      rpsMax: rps.max,
      p50: median(r.map((x) => x.p50)),
      p99: median(r.map((x) => x.p99)),
      errors: r.reduce((s, x) => s + x.errors, 0),
      clientCpuPct: median(r.map((x) => x.clientCpuPct)),
    };
  });
}

export function writeTable(rows: WriteRow[]): string {
  const off = rows.find((r) => r.variant.startsWith('rollups off'));
  const lines = [
    '| variant | transactions/s (min–max) | p50 ms | p99 ms | errors | client CPU % | vs rollups off |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const flag = r.clientCpuPct >= 95 ? ' ⚠ client-bound' : '';
    lines.push(
      `| ${r.variant} | ${fmt(r.rps, 0)} (${fmt(r.rpsMin, 0)}–${fmt(r.rpsMax, 0)}) | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.errors} | ${fmt(r.clientCpuPct, 0)}${flag} | ${off ? `${fmt((r.rps / off.rps) * 100, 0)} %` : ''} |`,
    );
  }
  return lines.join('\n');
}
