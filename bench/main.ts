/**
 * `npm run bench [-- --smoke]`: runs every scenario, prints the tables and writes docs/benchmarks.md.
 * Figures are ratios to a peer measured in the same run (randomised order, median of 3 rounds).
 * Nothing here asserts a time: it measures and reports.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { frontendSizes, frontendTable } from './frontend.ts';
import { frontendTimeBench } from './frontend-time.ts';
import { startPostgres } from './lib/postgres.ts';
import { widgetDataBench, widgetTable } from './widget-data.ts';
import { writePathBench, writeTable } from './write-path.ts';
import { wsBench, wsTables } from './ws/index.ts';

const { values } = parseArgs({
  options: { smoke: { type: 'boolean', default: false }, 'no-postgres': { type: 'boolean', default: false } },
});
const smoke = values.smoke;
const started = Date.now();
const sections: string[] = [];

function section(title: string, body: string) {
  const text = `## ${title}\n\n${body}\n`;
  console.log(`\n${text}`);
  sections.push(text);
}

const postgres = values['no-postgres'] ? null : startPostgres();
try {
  const widgetRows = await widgetDataBench({
    sizes: smoke ? [1_000, 5_000] : [10_000, 100_000, 1_000_000],
    requests: smoke ? 30 : 300,
    // The peer needs seconds per request at 1M rows: 3 requests per round there (its p95 is then the
    // slowest of 3), more at smaller sizes, so the whole bench stays within 15 minutes.
    naiveRequests: (n) => (smoke ? 10 : Math.max(3, Math.min(200, Math.round(3_000_000 / n)))),
    postgresUrl: postgres?.url,
  });
  section(
    'Widget data',
    `One HTTP connection, requests issued back to back from a client pinned to core 1; server on core 0.\n\n${widgetTable(widgetRows)}`,
  );
} finally {
  postgres?.stop();
}

const writeRows = await writePathBench({ requests: smoke ? 200 : 5000, connections: 8 });
section(
  'Write path (SQLite)',
  `POST /api/v1/transactions, 8 keep-alive connections, one admin receiving every notification.\n\n${writeTable(writeRows)}`,
);

const ws = await wsBench({
  sizes: smoke ? [50, 100] : [1_000, 5_000, 10_000, 20_000],
  rounds: (clients) => (smoke ? 1 : clients <= 5_000 ? 3 : 1),
  perUserMessages: smoke ? 500 : 40_000,
  broadcastMessages: smoke ? 500 : 40_000,
  burstPerUser: 10,
  perCommit: 100,
  latencyMs: smoke ? 500 : 2000,
  redisClients: smoke ? 100 : 5_000,
  redisRounds: smoke ? 1 : 3,
  robustClients: smoke ? 100 : 1_000,
  robustRate: smoke ? 500 : 5_000,
  floodMessages: smoke ? 2_000 : 120_000,
});
section(
  'WebSocket',
  `Counting client on raw TCP sockets in a second process pinned to core 1; servers on core 0. Client CPU % ≥ 95 is flagged as client-bound.\n\n${wsTables(ws)}`,
);

const pageTimes = await frontendTimeBench(
  smoke
    ? { sizes: [1_000, 5_000], rounds: 1, warmupRounds: 0 }
    : { sizes: [10_000, 1_000_000], rounds: 3, warmupRounds: 1 },
);
section('Front end', frontendTable(frontendSizes(), pageTimes));

// What the profiles showed and what was changed or tried, kept next to the figures.
const notes = fs.existsSync('bench/notes.md') ? fs.readFileSync('bench/notes.md', 'utf8') : '';
if (notes) sections.push(`${notes.trim()}\n`);

const header = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench${smoke ? ' -- --smoke' : ''}\` on ${new Date().toISOString().slice(0, 10)}.`,
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${os.type()} ${os.release()}.`,
  smoke
    ? '\n**Smoke run**: tiny sizes to keep the scripts working; these figures say nothing about performance.\n'
    : '',
  '',
].join('\n');
const doc = `${header}\n${sections.join('\n')}\nTotal bench time: ${Math.round((Date.now() - started) / 1000)} s.\n`;
fs.mkdirSync('docs', { recursive: true });
fs.writeFileSync(smoke ? 'docs/benchmarks-smoke.md' : 'docs/benchmarks.md', doc);
console.log(`\nWrote ${smoke ? 'docs/benchmarks-smoke.md' : 'docs/benchmarks.md'}`);
