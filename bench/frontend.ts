/**
 * Front end: JavaScript a browser downloads before the first screen and before the Executive
 * Overview, gzipped. Builds the web app into a temporary directory (the served build is left alone)
 * and follows index.html's entry script and the dashboard route's lazy chunks.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { type PageTimes, pageTimeTable } from './frontend-time.ts';
import { fmt } from './lib/stats.ts';

export interface FrontendSizes {
  chunks: { file: string; gzipKb: number }[];
  initialKb: number;
  dashboardKb: number;
  chartsKb: number;
}

export function frontendSizes(): FrontendSizes {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-web-'));
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: 'apps/web',
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(out, 'assets', file))).length / 1024;
    const files = fs.readdirSync(path.join(out, 'assets')).filter((f) => f.endsWith('.js'));
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1] ?? '';
    const sum = (pred: (f: string) => boolean) => files.filter(pred).reduce((s, f) => s + gz(f), 0);
    const initialKb = gz(entry);
    const dashboardKb = initialKb + sum((f) => /^(DashboardBuilderPage|dashboards)-/.test(f));
    return {
      chunks: files.map((file) => ({ file, gzipKb: gz(file) })).sort((a, b) => b.gzipKb - a.gzipKb),
      initialKb,
      dashboardKb,
      chartsKb: dashboardKb + sum((f) => /^ChartCanvas-/.test(f)),
    };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** The JS sizes, then (when measured) the time until the Executive Overview shows its figures. */
export function frontendTable(s: FrontendSizes, times?: PageTimes): string {
  const target = (kb: number) => (kb < 250 ? 'met' : 'missed');
  return [
    '| what the browser loads | JS gzipped kB | target < 250 kB |',
    '|---|---:|---|',
    `| first screen (entry chunk from index.html) | ${fmt(s.initialKb, 1)} | ${target(s.initialKb)} |`,
    `| + dashboard route (Executive Overview, before charts) | ${fmt(s.dashboardKb, 1)} | ${target(s.dashboardKb)} |`,
    `| + chart chunk (lazy, once a chart widget renders) | ${fmt(s.chartsKb, 1)} | ${target(s.chartsKb)} |`,
    '',
    `Chunks: ${s.chunks.map((c) => `${c.file} ${fmt(c.gzipKb, 1)} kB`).join(', ')}.`,
    '',
    times
      ? pageTimeTable(times)
      : 'Time until the Executive Overview shows its figures in headless Chromium: not measured in this run.',
  ].join('\n');
}
