// A worker process for the crash test: it takes render jobs and holds them until killed.
import { createAppContext } from '../../../app-context.ts';
import { loadConfig } from '../../../config.ts';
import { openDatabase } from '../../../db/client.ts';
import { WorkerRuntime } from '../worker-runtime.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: 3 });
const context = createAppContext(config, database);
await context.queue.start();
const worker = new WorkerRuntime(
  context.queue,
  context.repositories.jobs,
  {
    'render.video': async ({ jobId, progress, signal }) => {
      progress(0.2, 'encoding');
      console.log(`STARTED ${jobId}`);
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
    },
  },
  { heartbeatSec: 0.5 },
);
await worker.start();
