// A worker process for the render crash test: `npm run worker` with the real job handlers, but it
// takes back a job whose worker went silent after ABANDONED_AFTER_SEC instead of the default (6 s).
import { createAppContext } from '../../../app-context.ts';
import { loadConfig } from '../../../config.ts';
import { openDatabase } from '../../../db/client.ts';
import { startServices } from '../../../start-services.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: 3 });
const context = createAppContext(config, database);
await startServices(context, { runWorker: true, abandonedAfterSec: process.env.ABANDONED_AFTER_SEC ? Number(process.env.ABANDONED_AFTER_SEC) : undefined });
console.log(`WORKER READY ${process.pid}`);
