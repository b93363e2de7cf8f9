/**
 * A closed-loop HTTP load generator meant to run in its own process (pinned to the client core):
 *   tsx bench/lib/http-load.ts <url> <connections> <requests> [method] [bodyJson] [authorization]
 * Prints one JSON line: exact p50/p95/p99 (autocannon reports p97.5 but no p95), throughput,
 * error count and this process's CPU share, so client-bound runs can be flagged.
 */
import http from 'node:http';
import { percentile } from './stats.ts';

const [url = '', connArg = '10', reqArg = '1000', method = 'GET', body = '', authorization = ''] =
  process.argv.slice(2);
const connections = Number(connArg);
const total = Number(reqArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url);
const headers: Record<string, string> = {};
if (authorization) headers.authorization = authorization;
if (body) headers['content-type'] = 'application/json';

function once(): Promise<{ ms: number; status: number }> {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const req = http.request(
      {
        agent,
        method,
        hostname: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        headers,
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: res.statusCode ?? 0 }),
        );
      },
    );
    req.on('error', () => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: 0 }));
    req.end(body || undefined);
  });
}

const samples: number[] = [];
let errors = 0;
let issued = 0;
const cpuStart = process.cpuUsage();
const wallStart = process.hrtime.bigint();
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (issued < total) {
      issued += 1;
      const { ms, status } = await once();
      samples.push(ms);
      if (status < 200 || status >= 300) errors += 1;
    }
  }),
);
const wallMs = Number(process.hrtime.bigint() - wallStart) / 1e6;
const cpu = process.cpuUsage(cpuStart);
agent.destroy();
console.log(
  JSON.stringify({
    requests: samples.length,
    errors,
    rps: (samples.length / wallMs) * 1000,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    clientCpuPct: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
  }),
);
