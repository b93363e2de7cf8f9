import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite's automatic checkpoint (copying the write-ahead log back into the database file, with two
 * fsyncs) runs inside whichever commit crosses the threshold — on the event loop, stalling every
 * request and socket for its length, and often: a commit that touches many pages (one per user
 * notified) reaches 1,000 WAL pages in a few commits, and each checkpoint copies the same hot pages
 * again. Here a worker thread with its own connection checkpoints once a second instead (PASSIVE:
 * it never blocks the writer), so each page is copied once per second at most and never on the
 * event loop. Plain JavaScript evaluated in the worker: it must load the same way under tsx,
 * vitest and the built server.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} // busy (another checkpointer): next time
};
let timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(
  file: string,
  onFailure: (err: Error) => void,
  intervalMs = 1000,
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs } });
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', (err) => {
    if (!stopping) onFailure(err);
  });
  worker.unref();
  return {
    async stop() {
      stopping = true;
      // Unreferenced, the worker would not keep a finishing process alive until it has closed.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
