import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A throwaway PostgreSQL cluster on loopback for one bench run (initdb refuses root: run as postgres). */
// Below the ephemeral port range: thousands of benchmark sockets leave TIME-WAIT ports behind there.
export function startPostgres(port = 25440): { url: string; stop(): void } | null {
  const base = '/usr/lib/postgresql';
  const version = fs.existsSync(base) ? fs.readdirSync(base).sort().at(-1) : undefined;
  if (!version) return null;
  const bin = path.join(base, version, 'bin');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-bench-pg-'));
  const asPostgres = (cmd: string) => execFileSync('su', ['postgres', '-c', cmd], { stdio: 'ignore' });
  execFileSync('chown', ['postgres:', dir]);
  asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres`);
  asPostgres(
    `${bin}/pg_ctl -D ${dir}/data -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=256MB' -l ${dir}/log -w start`,
  );
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        asPostgres(`${bin}/pg_ctl -D ${dir}/data -m immediate stop`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
