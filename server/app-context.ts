import { type Clock, systemClock } from './adapters/clock.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { AuthRepository } from './modules/auth/auth.repository.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { ProjectsRepository } from './modules/projects/projects.repository.ts';
import { ProjectsService } from './modules/projects/projects.service.ts';
import { ProjectCardsRepository } from './modules/projects/project-cards.repository.ts';
import { StepsRepository } from './modules/steps/steps.repository.ts';
import { StepsService } from './modules/steps/steps.service.ts';
import { join } from 'node:path';
import { JobQueue } from './adapters/queue/job-queue.ts';
import { openMediaStore } from './adapters/storage/open-media-store.ts';
import { ScratchSpace } from './adapters/storage/scratch-space.ts';
import { AssetsRepository } from './modules/assets/assets.repository.ts';
import { AssetsService } from './modules/assets/assets.service.ts';
import { CredentialsService } from './modules/credentials/credentials.service.ts';
import { JobsRepository } from './modules/jobs/jobs.repository.ts';
import { JobsService } from './modules/jobs/jobs.service.ts';
import { JOB_POLICIES } from './modules/jobs/job-handlers.ts';
import { ScriptVersionsRepository } from './modules/script/script-versions.repository.ts';
import { createTextPipeline } from './modules/writers/text-pipeline.ts';
import { VoiceProviders } from './modules/voice/voice-providers.ts';
import { Transcribers } from './modules/media-sources/transcribers.ts';
import { VoiceService } from './modules/voice/voice.service.ts';
import { StockProviders } from './modules/storyboard/stock.ts';
import { StoryboardService } from './modules/storyboard/storyboard.service.ts';
import { AvatarProviders } from './modules/avatar/avatar-providers.ts';
import { AvatarService } from './modules/avatar/avatar.service.ts';
import { RenderService } from './modules/render/render.service.ts';
import { MakeVideoService } from './modules/make/make-video.service.ts';
import { LibraryRepository } from './modules/library/library.repository.ts';
import { LibraryService } from './modules/library/library.service.ts';
import { BatchRepository } from './modules/batch/batch.repository.ts';
import { BatchService } from './modules/batch/batch.service.ts';
import { MetricRefresher } from './modules/performance/metric-refresh.ts';
import { MetricsProviders } from './modules/performance/metrics-providers.ts';
import { PerformanceRepository } from './modules/performance/performance.repository.ts';
import { PerformanceService } from './modules/performance/performance.service.ts';
import { createFactory } from './modules/factory/create-factory.ts';

/** Every service of the app, wired once; tests build it with their own database and clock. */
export function createAppContext(config: Config, database: DatabaseHandle, clock: Clock = systemClock) {
  const authRepository = new AuthRepository(database.db);
  const projectsRepository = new ProjectsRepository(database.db);
  const stepsRepository = new StepsRepository(database);
  const jobsRepository = new JobsRepository(database);
  const queue = new JobQueue(database, config.DATABASE_URL, { schedule: config.EMBEDDED_WORKER, queues: JOB_POLICIES });
  const mediaStore = openMediaStore(config);
  const scratch = new ScratchSpace(join(config.DATA_DIR, 'scratch'));
  const projects = new ProjectsService(projectsRepository, stepsRepository, clock, new ProjectCardsRepository(database));
  const scriptVersions = new ScriptVersionsRepository(database);
  const services = {
    config,
    database,
    clock,
    queue,
    repositories: { auth: authRepository, projects: projectsRepository, steps: stepsRepository, jobs: jobsRepository },
    auth: new AuthService(authRepository, clock, config.SESSION_SECRET, { revealTakenEmail: config.REGISTRATION_REVEALS_TAKEN_EMAIL }),
    mediaStore,
    scratch,
    projects,
    assets: new AssetsService(new AssetsRepository(database.db), mediaStore, projects, join(config.DATA_DIR, 'tmp'), scratch),
    steps: new StepsService(database, stepsRepository, projectsRepository),
    jobs: new JobsService(jobsRepository, queue),
    credentials: new CredentialsService(database.db, config),
  };
  const voiceProviders = new VoiceProviders(config, services.credentials);
  const { steps, assets, jobs } = services;
  const textPipeline = createTextPipeline({ ...services, scriptVersions });
  const storyboard = new StoryboardService({ config, steps, assets, stock: new StockProviders(services.credentials, config) });
  const avatar = new AvatarService({ config, steps, assets, jobs, providers: new AvatarProviders(services.credentials, config) });
  const performanceRepository = new PerformanceRepository(database.db);
  const metricRefresher = new MetricRefresher({
    repository: performanceRepository,
    providers: new MetricsProviders(services.credentials, config),
    clock,
    refreshMinutes: config.METRICS_REFRESH_MINUTES,
  });
  const performance = new PerformanceService({ repository: performanceRepository, projects: projectsRepository, steps, writers: textPipeline.writers, refresher: metricRefresher, clock });
  const render = new RenderService({
    steps,
    assets,
    jobs,
    projects: projectsRepository,
    writers: textPipeline.writers,
    dataDir: config.DATA_DIR,
    pictures: (ownerId, projectId) => storyboard.pictureChoices(ownerId, projectId),
    onRendered: (ownerId, projectId, facts) => performance.recordPrediction(ownerId, projectId, facts),
  });
  const voice = new VoiceService({ config, steps, assets, jobs, providers: voiceProviders, transcribers: new Transcribers(config, services.credentials) });
  const makeVideo = new MakeVideoService({ steps, projects, jobs, script: textPipeline.script, voice, render, storyboard, clock });
  const library = new LibraryService({ repository: new LibraryRepository(database), projects, steps, analysis: textPipeline.analysis, makeVideo, clock });
  const batches = new BatchService({ repository: new BatchRepository(database), jobs, projectSource: textPipeline.projectSource, library, makeVideo });
  const factory = createFactory({ ...services, textPipeline, makeVideo });
  return { ...services, textPipeline, voice, render, storyboard, avatar, makeVideo, library, batches, performance, metricRefresher, factory };
}

export type AppContext = ReturnType<typeof createAppContext>;
