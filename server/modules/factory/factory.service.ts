import type { FactoryRun } from '../../../contracts/factory.ts';
import type { Job } from '../../../contracts/jobs.ts';
import type { AuthContext } from '../../http/router.ts';
import { type JobContext, PermanentJobError } from '../jobs/job-handlers.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { FactoryRunService, RunSummary } from './factory-run.service.ts';
import type { FactoryRepository, ItemRow, RunRow } from './factory.repository.ts';

const runJobKey = (ownerId: string) => `factory.run:${ownerId}`;

function toRun(run: RunRow, items: ItemRow[]): FactoryRun {
  return {
    id: run.id,
    trigger: run.trigger as FactoryRun['trigger'],
    status: run.status as FactoryRun['status'],
    summary: run.summary as FactoryRun['summary'],
    error: run.error,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    items: items.map((item) => ({
      id: item.id,
      feedItemId: item.feedItemId,
      title: item.title,
      status: item.status as FactoryRun['items'][number]['status'],
      reason: item.reason,
      log: item.log as FactoryRun['items'][number]['log'],
      createdAt: item.createdAt.toISOString(),
    })),
  };
}

/** Factory runs as jobs: "run now", the scheduled runs, and the recent runs with their item logs. */
export class FactoryService {
  constructor(
    private readonly repository: FactoryRepository,
    private readonly runs: FactoryRunService,
    private readonly jobs: JobsService,
  ) {}

  /** Queues a run; while one is queued or running for the author, that one is returned. */
  runNow(user: AuthContext): Promise<Job> {
    return this.enqueue(user.userId, 'manual');
  }

  async recentRuns(user: AuthContext, limit = 10): Promise<FactoryRun[]> {
    return (await this.repository.recentRuns(user.userId, limit)).map(({ run, items }) => toRun(run, items));
  }

  runJob(ctx: JobContext<'factory.run'>): Promise<RunSummary> {
    if (!ctx.ownerId) throw new PermanentJobError('a factory run needs an owner');
    return this.runs.run(ctx.ownerId, ctx.payload.trigger, { signal: ctx.signal, progress: ctx.progress });
  }

  /** The factory.schedule system job (one per cron tick across all workers): a run for every author whose factory is on. */
  async scheduleRuns(): Promise<{ queued: number }> {
    const owners = await this.repository.ownersWithFactoryOn();
    for (const { ownerId } of owners) await this.enqueue(ownerId, 'schedule');
    return { queued: owners.length };
  }

  private enqueue(ownerId: string, trigger: 'schedule' | 'manual'): Promise<Job> {
    return this.jobs.enqueue({ ownerId, projectId: null, name: 'factory.run', payload: { trigger }, dedupeKey: runJobKey(ownerId) });
  }
}
