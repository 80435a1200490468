import type { AppContext } from './app-context.ts';
import type { JobHandlers } from './modules/jobs/job-handlers.ts';
import { textPipelineJobHandlers } from './modules/writers/text-pipeline.ts';
import { factoryJobHandlers } from './modules/factory/create-factory.ts';

/** Narration clips not reused for this long are dropped from the per-project caches. */
const VOICE_CACHE_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/**
 * One handler per job name, built over the app's services. Each job runs in a scratch folder of
 * its own, where media from a remote store is downloaded for ffmpeg; it is removed when the job
 * ends, however it ends.
 */
export function createJobHandlers(context: AppContext): JobHandlers {
  const handlers: JobHandlers = {
    ...textPipelineJobHandlers(context.textPipeline),
    ...factoryJobHandlers(context.factory),
    'maintenance.purge': async () => {
      const now = context.clock.now();
      const purged = await context.projects.purgeExpired();
      for (const projectId of purged) await context.mediaStore.removePrefix(`projects/${projectId}`);
      for (const projectId of purged) await context.voice.forgetProject(projectId);
      await context.voice.pruneCaches(VOICE_CACHE_MAX_AGE_MS);
      await context.repositories.auth.purgeExpired(now, new Date(now.getTime() - 24 * 3600 * 1000));
      return { purgedProjects: purged.length };
    },
    'voice.narrate': (ctx) => context.voice.runNarrationJob(ctx),
    'avatar.clip': (ctx) => context.avatar.runClipJob(ctx),
    'render.video': (ctx) => context.render.runJob(ctx),
    'video.make': (ctx) => context.makeVideo.runJob(ctx),
    'batch.run': (ctx) => context.batches.runJob(ctx),
    'metrics.refresh': () => context.metricRefresher.refreshDue(),
  };
  const inScratch = Object.entries(handlers).map(([name, handler]) => [name, (ctx: never) => context.scratch.run(() => (handler as (c: never) => Promise<unknown>)(ctx))]);
  return Object.fromEntries(inScratch) as JobHandlers;
}
