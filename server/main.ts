import { join } from 'node:path';
import { createAppContext } from './app-context.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { migrateDatabase, openDatabase } from './db/client.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { startServices } from './start-services.ts';

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: join(config.DATA_DIR, 'db') });
  await migrateDatabase(database, config.DATABASE_URL);
  const context = createAppContext(config, database);
  const app = await buildApp(context);
  const services = await startServices(context, { runWorker: config.EMBEDDED_WORKER, log: (m) => app.log.info(m) });
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(`ReelForge is running on http://localhost:${config.PORT} (database: ${database.kind}, data: ${config.DATA_DIR})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await services.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('ReelForge failed to start:', error);
  }
  process.exit(1);
});
