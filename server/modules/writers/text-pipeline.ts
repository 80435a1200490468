import { join } from 'node:path';
import type { Clock } from '../../adapters/clock.ts';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import type { ApiRouter } from '../../http/router.ts';
import { registerAnalysisRoutes } from '../analysis/analysis.routes.ts';
import { AnalysisService } from '../analysis/analysis.service.ts';
import type { AssetsService } from '../assets/assets.service.ts';
import type { CredentialsService } from '../credentials/credentials.service.ts';
import { registerFeedRoutes } from '../feeds/feeds.routes.ts';
import { FeedsRepository } from '../feeds/feeds.repository.ts';
import { FeedsService } from '../feeds/feeds.service.ts';
import { type JobHandlers, PermanentJobError } from '../jobs/job-handlers.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import { registerNewsRoutes } from '../news/news.routes.ts';
import { NewsRepository } from '../news/news.repository.ts';
import { NewsService } from '../news/news.service.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import { registerScriptRoutes } from '../script/script.routes.ts';
import { ScriptService } from '../script/script.service.ts';
import type { ScriptVersionsRepository } from '../script/script-versions.repository.ts';
import { registerMediaSourceRoutes } from '../media-sources/media-source.routes.ts';
import { MediaSourceService } from '../media-sources/media-source.service.ts';
import { Transcribers } from '../media-sources/transcribers.ts';
import { ProjectSourceService } from '../sources/project-source.service.ts';
import { registerProjectSourceRoutes, registerSourceRoutes } from '../sources/sources.routes.ts';
import { SourcesService } from '../sources/sources.service.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { registerWriterRoutes } from './writers.routes.ts';
import { WritersService } from './writers.service.ts';

export interface TextPipelineBase {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  projects: ProjectsService;
  steps: StepsService;
  jobs: JobsService;
  credentials: CredentialsService;
  scriptVersions: ScriptVersionsRepository;
  assets: AssetsService;
}

/** Stages 1-3 (sources, feeds and news, analysis, script) wired over the foundation's services. */
export function createTextPipeline(base: TextPipelineBase) {
  const fetchOptions = { allowPrivateHosts: base.config.FETCH_ALLOW_PRIVATE_HOSTS };
  const writers = new WritersService(base.credentials, base.config, { now: () => base.clock.now() });
  const sources = new SourcesService({ fetchOptions });
  const analysis = new AnalysisService(writers, base.steps, base.jobs);
  const news = new NewsService(new NewsRepository(base.database.db), sources, base.clock);
  const feeds = new FeedsService(new FeedsRepository(base.database.db), base.jobs, {
    fetchOptions,
    clock: base.clock,
    refreshMinutes: base.config.FEED_REFRESH_MINUTES,
  });
  const mediaSources = new MediaSourceService({
    assets: base.assets,
    jobs: base.jobs,
    transcribers: new Transcribers(base.config, base.credentials),
    tempDir: join(base.config.DATA_DIR, 'tmp'),
    allowPrivateHosts: base.config.FETCH_ALLOW_PRIVATE_HOSTS,
    ytDlpPath: base.config.YTDLP_PATH,
  });
  return {
    writers,
    mediaSources,
    sources,
    analysis,
    news,
    feeds,
    projectSource: new ProjectSourceService(base.projects, base.steps, sources, news, analysis, base.clock, mediaSources),
    script: new ScriptService(base.steps, base.jobs, writers, base.scriptVersions, base.clock),
  };
}

export type TextPipeline = ReturnType<typeof createTextPipeline>;

export function registerTextPipelineRoutes(router: ApiRouter, pipeline: TextPipeline) {
  registerWriterRoutes(router, pipeline.writers);
  registerSourceRoutes(router, pipeline.sources);
  registerProjectSourceRoutes(router, pipeline.projectSource);
  registerMediaSourceRoutes(router, pipeline.mediaSources);
  registerAnalysisRoutes(router, pipeline.analysis);
  registerFeedRoutes(router, pipeline.feeds);
  registerNewsRoutes(router, pipeline.news, pipeline.projectSource);
  registerScriptRoutes(router, pipeline.script);
}

export function textPipelineJobHandlers(pipeline: TextPipeline): JobHandlers {
  return {
    'script.generate': (ctx) => pipeline.script.runJob(ctx),
    'analysis.run': (ctx) => pipeline.analysis.runJob(ctx),
    'media.import': (ctx) => pipeline.mediaSources.runJob(ctx),
    'feeds.fetch': async (ctx) => {
      if (ctx.payload.feedId) return pipeline.feeds.fetchNow(ctx.payload.feedId, ctx.ownerId, ctx.signal);
      if (!ctx.ownerId) throw new PermanentJobError('a feeds.fetch job without a feed needs an owner');
      return pipeline.feeds.fetchAllOf(ctx.ownerId, ctx.signal);
    },
    'feeds.schedule': async () => ({ queued: await pipeline.feeds.enqueueDue() }),
  };
}
