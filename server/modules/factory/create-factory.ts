import type { Clock } from '../../adapters/clock.ts';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { FeedsRepository } from '../feeds/feeds.repository.ts';
import type { JobHandlers } from '../jobs/job-handlers.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { MakeVideoService } from '../make/make-video.service.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import type { StepsService } from '../steps/steps.service.ts';
import type { TextPipeline } from '../writers/text-pipeline.ts';
import { FactoryRepository } from './factory.repository.ts';
import { FactoryReviewService } from './factory-review.service.ts';
import { FactoryRunService } from './factory-run.service.ts';
import { FactorySettingsService } from './factory-settings.service.ts';
import { FactoryService } from './factory.service.ts';

export interface FactoryBase {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  jobs: JobsService;
  projects: ProjectsService;
  steps: StepsService;
  textPipeline: TextPipeline;
  makeVideo: MakeVideoService;
}

/** The content factory wired over the feeds, news, analysis and writers of the text pipeline. */
export function createFactory(base: FactoryBase) {
  const { clock, textPipeline } = base;
  const repository = new FactoryRepository(base.database);
  const settings = new FactorySettingsService(repository, new FeedsRepository(base.database.db), clock);
  const prices = { inputPerMTok: base.config.LLM_PRICE_INPUT_PER_MTOK, outputPerMTok: base.config.LLM_PRICE_OUTPUT_PER_MTOK };
  const runs = new FactoryRunService({ repository, settings, feeds: textPipeline.feeds, news: textPipeline.news, analysis: textPipeline.analysis, writers: textPipeline.writers, clock, prices });
  const review = new FactoryReviewService({ repository, settings, writers: textPipeline.writers, projects: base.projects, steps: base.steps, makeVideo: base.makeVideo, clock });
  return { factory: new FactoryService(repository, runs, base.jobs), runs, settings, review };
}

export type Factory = ReturnType<typeof createFactory>;

export function factoryJobHandlers(factory: Factory): JobHandlers {
  return {
    'factory.run': (ctx) => factory.factory.runJob(ctx),
    'factory.schedule': () => factory.factory.scheduleRuns(),
  };
}
