import type { AppContext } from './app-context.ts';
import { JOB_POLICIES } from './modules/jobs/job-handlers.ts';
import { WorkerRuntime } from './modules/jobs/worker-runtime.ts';
import { createJobHandlers } from './worker-handlers.ts';

export interface StartedServices {
  worker: WorkerRuntime | null;
  stop(): Promise<void>;
}

/** Starts the job queue and, when asked, a worker in this process. */
export async function startServices(
  context: AppContext,
  options: { runWorker: boolean; log?: (message: string) => void; abandonedAfterSec?: number },
): Promise<StartedServices> {
  // Scratch folders of a process that was killed (their downloads) are removed before any work.
  await context.scratch.removeAbandoned();
  await context.queue.start();
  let worker: WorkerRuntime | null = null;
  if (options.runWorker) {
    worker = new WorkerRuntime(context.queue, context.repositories.jobs, createJobHandlers(context), {
      log: options.log,
      abandonedAfterSec: options.abandonedAfterSec,
      // The embedded database admits one process, so a job still "running" at start was ours before a crash.
      reclaimRunningAtStart: context.database.kind === 'pglite',
    });
    await worker.start();
    await context.queue.schedule('maintenance.purge', '17 * * * *', JOB_POLICIES['maintenance.purge']);
    await context.queue.schedule('feeds.schedule', '*/5 * * * *', JOB_POLICIES['feeds.schedule']);
    await context.queue.schedule('metrics.refresh', '*/30 * * * *', JOB_POLICIES['metrics.refresh']);
    // pg-boss keeps one schedule per name and sends one job per tick whichever worker sees it.
    await context.queue.schedule('factory.schedule', context.config.FACTORY_CRON, JOB_POLICIES['factory.schedule']);
  }
  return {
    worker,
    async stop() {
      await worker?.stop();
      await context.queue.stop();
    },
  };
}
