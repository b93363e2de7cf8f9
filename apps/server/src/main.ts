import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

/** Reads config, builds the app, listens, and closes gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const app = await buildApp(config);
  // Test-only fault injection (apps/server/src/reliability/kill-after-commit.test.ts): the process
  // SIGKILLs itself right after the first change that emitted domain events has committed, before
  // anything is published. Registered at the first event, this after-commit callback runs before
  // the outbox's (registered just before commit), so it lands exactly in the commit/publish gap.
  if (process.env.FAULT_KILL_AFTER_COMMIT === '1') {
    app.ctx.events.onTransaction(async (uow) => {
      uow.afterCommit(() => process.kill(process.pid, 'SIGKILL'));
    });
  }
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  await app.listen({ port: config.port, host: config.host });
}

await main();
