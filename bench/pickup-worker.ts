// A worker process for the job-pickup benchmark: the real WorkerRuntime with its default heartbeat
// and abandonment timings; its render handler holds the job for HOLD_MS (standing in for ffmpeg).
import { createAppContext } from '../server/app-context.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { WorkerRuntime } from '../server/modules/jobs/worker-runtime.ts';

const HOLD_MS = Number(process.env.HOLD_MS ?? 4000);
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: 3 });
const context = createAppContext(config, database);
await context.queue.start();
const worker = new WorkerRuntime(context.queue, context.repositories.jobs, {
  'render.video': async ({ jobId, signal }) => {
    console.log(`STARTED ${jobId}`);
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, HOLD_MS);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve(undefined)));
    });
  },
});
await worker.start();
console.log('READY');
