import { JOB_PAYLOAD_SCHEMAS, type Job, type JobName, type JobPayload } from '../../../contracts/jobs.ts';
import type { JobQueue } from '../../adapters/queue/job-queue.ts';
import { AppError, validationError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import { JOB_POLICIES } from './job-handlers.ts';
import type { JobRow, JobsRepository } from './jobs.repository.ts';

export function toJob(row: JobRow): Job {
  const { ownerId: _owner, payload: _payload, heartbeatAt: _heartbeat, ...job } = row;
  return job;
}

export interface EnqueueRequest<N extends JobName> {
  ownerId: string;
  projectId: string | null;
  name: N;
  payload: JobPayload<N>;
  /**
   * Jobs with the same key are one job while queued or running: a double click returns the
   * job already under way instead of starting a second one.
   */
  dedupeKey?: string;
}

export class JobsService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly queue: JobQueue,
  ) {}

  async enqueue<N extends JobName>(request: EnqueueRequest<N>): Promise<Job> {
    const parsed = JOB_PAYLOAD_SCHEMAS[request.name].safeParse(request.payload);
    if (!parsed.success) throw validationError(parsed.error, 'payload');
    const dedupeKey = request.dedupeKey ?? null;
    const inserted = await this.jobs.insert({ ...request, payload: parsed.data, dedupeKey });
    if (!inserted) {
      const existing = dedupeKey ? await this.jobs.findActiveByDedupeKey(dedupeKey) : null;
      if (existing) return toJob(existing);
      return this.enqueue(request); // the other one finished between our insert and our read
    }
    try {
      await this.queue.send(request.name, inserted.id, JOB_POLICIES[request.name]);
    } catch (error) {
      await this.jobs.finish(inserted.id, 'failed', { error: 'Could not queue the job' }).catch(() => {});
      throw error;
    }
    return toJob(inserted);
  }

  async get(user: AuthContext, id: string): Promise<Job> {
    const row = await this.jobs.findOwned(user.userId, id);
    if (!row) throw new AppError('NOT_FOUND', 'Job not found');
    return toJob(row);
  }

  async listForProject(user: AuthContext, projectId: string): Promise<Job[]> {
    return (await this.jobs.listForProject(user.userId, projectId)).map(toJob);
  }

  /** Cancels a queued or running job; a running one stops within a heartbeat. */
  async cancel(user: AuthContext, id: string): Promise<Job> {
    const row = await this.jobs.cancel(user.userId, id);
    if (!row) {
      const existing = await this.get(user, id);
      throw new AppError('CONFLICT', `The job has already ended (${existing.state})`, { job: existing });
    }
    await this.queue.cancel(row.name, row.id).catch(() => {});
    return toJob(row);
  }

  /** For workers and services that already checked ownership. */
  async find(id: string): Promise<Job | null> {
    const row = await this.jobs.find(id);
    return row ? toJob(row) : null;
  }
}
