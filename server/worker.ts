import { createAppContext } from './app-context.ts';
import { ConfigError, loadConfig } from './config.ts';
import { migrateDatabase, openDatabase } from './db/client.ts';
import { startServices } from './start-services.ts';

/** A worker process: runs jobs from the shared PostgreSQL queue; start as many as you like. */
async function main() {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    console.error(
      'A separate worker needs DATABASE_URL (a PostgreSQL server shared with the API). ' +
        'With the embedded database, the API process (npm start) runs the jobs itself.',
    );
    process.exit(1);
  }
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: 5 });
  await migrateDatabase(database, config.DATABASE_URL);
  const context = createAppContext(config, database);
  const services = await startServices(context, { runWorker: true, log: (m) => console.log(m) });
  console.log(`ReelForge worker ${process.pid} is taking jobs`);
  const stop = async () => {
    await services.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
