import { JOB_NAMES, JOB_PAYLOAD_SCHEMAS, type JobName } from '../../../contracts/jobs.ts';
import type { DeliveredJob, JobQueue } from '../../adapters/queue/job-queue.ts';
import { type JobHandler, type JobHandlers, JOB_POLICIES, PermanentJobError } from './job-handlers.ts';
import type { JobsRepository } from './jobs.repository.ts';

export interface WorkerOptions {
  /** How often a running job reports that its worker is alive (and learns of cancellation). */
  heartbeatSec?: number;
  /**
   * A running job silent for this long is taken back from its (dead) worker and retried; a worker
   * that could not report for this long stops the job itself (its lease is lost).
   */
  abandonedAfterSec?: number;
  /** Take back every running job at start: right when no other worker can exist (embedded database). */
  reclaimRunningAtStart?: boolean;
  log?: (message: string) => void;
}

const PROGRESS_WRITE_INTERVAL_MS = 250;

/** Runs the handlers for every job name this worker has one for; see the heartbeat/reaper notes below. */
export class WorkerRuntime {
  private readonly running = new Map<string, AbortController>();
  private reaper: NodeJS.Timeout | null = null;
  private readonly heartbeatSec: number;
  private readonly abandonedAfterSec: number;
  private readonly log: (message: string) => void;
  private readonly reclaimRunningAtStart: boolean;

  constructor(
    private readonly queue: JobQueue,
    private readonly jobs: JobsRepository,
    private readonly handlers: JobHandlers,
    options: WorkerOptions = {},
  ) {
    // Pickup after a worker dies: up to abandonedAfterSec + one reaper round (heartbeatSec) + the retry delay.
    this.heartbeatSec = options.heartbeatSec ?? 2;
    this.abandonedAfterSec = options.abandonedAfterSec ?? 6;
    this.log = options.log ?? (() => {});
    this.reclaimRunningAtStart = options.reclaimRunningAtStart ?? false;
  }

  async start(): Promise<void> {
    for (const name of JOB_NAMES) {
      const handler = this.handlers[name] as JobHandler<JobName> | undefined;
      if (!handler) continue;
      const policy = JOB_POLICIES[name];
      await this.queue.work(name, policy, policy.concurrency, (job) => this.run(name, handler, job));
    }
    await this.reapAbandoned(this.reclaimRunningAtStart ? 0 : this.abandonedAfterSec);
    this.reaper = setInterval(() => void this.reapAbandoned().catch((e: Error) => this.log(`reaper: ${e.message}`)), this.heartbeatSec * 1000);
  }

  async stop(): Promise<void> {
    if (this.reaper) clearInterval(this.reaper);
    for (const controller of this.running.values()) controller.abort();
  }

  private async run(name: JobName, handler: JobHandler<JobName>, delivered: DeliveredJob): Promise<void> {
    if (JOB_POLICIES[name].system) {
      await handler(this.systemContext(name, delivered.id));
      return;
    }
    const row = await this.jobs.markRunning(delivered.id);
    if (!row) return; // cancelled or finished meanwhile
    const controller = new AbortController();
    this.running.set(row.id, controller);
    let lastWrite = 0;
    let lastReported = Date.now();
    let pending: { fraction: number; step?: string } | null = null;
    // Aborting the signal stops the handler and kills its child processes (ffmpeg, TTS).
    const stop = (why: 'cancelled' | 'lost') => {
      if (controller.signal.aborted) return;
      if (why === 'lost') this.log(`job ${row.id} (${name}): lease lost, stopping it here`);
      controller.abort(why);
    };
    const flush = async () => {
      const report = pending;
      pending = null;
      lastWrite = Date.now();
      const state = await this.jobs.reportProgress(row.id, row.attempts, report ? Math.max(0, Math.min(1, report.fraction)) : null, report?.step ?? null);
      lastReported = Date.now();
      if (state !== 'running') stop(state);
    };
    const heartbeat = setInterval(() => {
      // Unable to report (database unreachable) for as long as others wait before taking the job back.
      // A sole worker (embedded database) has no others: its job cannot be taken from it that way.
      if (!this.reclaimRunningAtStart && Date.now() - lastReported > this.abandonedAfterSec * 1000) stop('lost');
      void flush().catch(() => {});
    }, this.heartbeatSec * 1000);
    try {
      const payload = JOB_PAYLOAD_SCHEMAS[name].parse(row.payload);
      const result = await handler({
        jobId: row.id,
        ownerId: row.ownerId,
        projectId: row.projectId,
        payload: payload as never,
        signal: controller.signal,
        progress: (fraction, step) => {
          pending = { fraction, step };
          if (step !== undefined || Date.now() - lastWrite >= PROGRESS_WRITE_INTERVAL_MS) void flush().catch(() => {});
        },
      });
      if (controller.signal.aborted) return; // another run may own the row now
      await this.jobs.finish(row.id, 'succeeded', { result: result ?? null });
    } catch (error) {
      if (controller.signal.aborted) return; // cancelled or lease lost: the row already says what happens next
      const message = error instanceof Error ? error.message : String(error);
      const lastAttempt = delivered.retryCount >= delivered.retryLimit;
      if (error instanceof PermanentJobError || lastAttempt || (error as { name?: string }).name === 'ZodError') {
        const failure = error instanceof PermanentJobError ? { errorCode: error.code, errorParams: error.params } : {};
        await this.jobs.finish(row.id, 'failed', { error: message, ...failure });
        return;
      }
      await this.jobs.requeue(row.id, message);
      throw error; // the queue retries with backoff
    } finally {
      clearInterval(heartbeat);
      this.running.delete(row.id);
    }
  }

  private systemContext(name: JobName, id: string) {
    return {
      jobId: id,
      ownerId: null,
      projectId: null,
      payload: JOB_PAYLOAD_SCHEMAS[name].parse({}) as never,
      signal: new AbortController().signal,
      progress: () => {},
    };
  }

  /**
   * A worker killed mid-job (kill -9, lost machine) stops heartbeating. Its jobs go back to the
   * queue for another attempt, or fail when no attempts are left.
   */
  async reapAbandoned(silentForSec = this.abandonedAfterSec): Promise<void> {
    for (const job of await this.jobs.findAbandoned(silentForSec)) {
      if (this.running.has(job.id)) continue;
      const policy = JOB_POLICIES[job.name];
      if (job.attempts > policy.retryLimit) {
        await this.jobs.finish(job.id, 'failed', { error: 'The worker stopped during the job, and no attempts are left', errorCode: 'WORKER_STOPPED' });
      } else {
        await this.jobs.requeue(job.id, 'The worker stopped during the job; retrying');
      }
      await this.queue.failAbandoned(job.name, job.id).catch(() => {});
      this.log(`job ${job.id} (${job.name}) was abandoned by its worker`);
    }
  }
}
