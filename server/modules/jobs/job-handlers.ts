import type { JobName, JobPayload } from '../../../contracts/jobs.ts';
import type { RetryPolicy } from '../../adapters/queue/job-queue.ts';

export interface JobContext<N extends JobName> {
  jobId: string;
  /** Null for scheduled system jobs. */
  ownerId: string | null;
  projectId: string | null;
  payload: JobPayload<N>;
  /** Aborted when the job is cancelled or the worker stops. */
  signal: AbortSignal;
  /** fraction in 0..1; step names what is happening now ("synthesising scene 2"). */
  progress(fraction: number, step?: string): void;
}

import type { JobFailureCode, JobFailureParams } from '../../../contracts/job-failures.ts';

export type JobHandler<N extends JobName> = (ctx: JobContext<N>) => Promise<unknown>;

export type JobHandlers = { [N in JobName]?: JobHandler<N> };

/** Thrown for failures a retry cannot fix (bad input, missing data): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(
    message: string,
    /** The stable code a screen words in its language; the message stays for API users. */
    readonly code: JobFailureCode | null = null,
    readonly params: JobFailureParams = {},
  ) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

const MINUTE = 60;

export const JOB_POLICIES: Record<JobName, RetryPolicy & { concurrency: number; system?: boolean }> = {
  'script.generate': { retryLimit: 2, retryDelaySec: 2, expireInSeconds: 30 * MINUTE, concurrency: 2 },
  'voice.narrate': { retryLimit: 2, retryDelaySec: 2, expireInSeconds: 60 * MINUTE, concurrency: 1 },
  // Mostly waiting for the provider; a retry resumes following the clip already ordered.
  'analysis.run': { retryLimit: 2, retryDelaySec: 5, expireInSeconds: 15 * MINUTE, concurrency: 2 },
  'avatar.clip': { retryLimit: 3, retryDelaySec: 10, expireInSeconds: 90 * MINUTE, concurrency: 2 },
  // Renders use both cores; one at a time per worker process.
  'render.video': { retryLimit: 2, retryDelaySec: 3, expireInSeconds: 4 * 60 * MINUTE, concurrency: 1 },
  // Waits on the stage jobs it starts; a retry would start them again, so none.
  'video.make': { retryLimit: 0, retryDelaySec: 5, expireInSeconds: 5 * 60 * MINUTE, concurrency: 2 },
  'feeds.fetch': { retryLimit: 1, retryDelaySec: 30, expireInSeconds: 15 * MINUTE, concurrency: 1 },
  'feeds.schedule': { retryLimit: 0, retryDelaySec: 60, expireInSeconds: 5 * MINUTE, concurrency: 1, system: true },
  // A run files drafts one item after another; a retry would pick up where it stopped, but the next schedule does that too.
  'factory.run': { retryLimit: 0, retryDelaySec: 30, expireInSeconds: 60 * MINUTE, concurrency: 1 },
  'factory.schedule': { retryLimit: 0, retryDelaySec: 60, expireInSeconds: 5 * MINUTE, concurrency: 1, system: true },
  'maintenance.purge': { retryLimit: 1, retryDelaySec: 60, expireInSeconds: 15 * MINUTE, concurrency: 1, system: true },
  // Items already made are skipped on a retry; a project being made when it stopped is found by its create key.
  'batch.run': { retryLimit: 1, retryDelaySec: 5, expireInSeconds: 60 * MINUTE, concurrency: 1 },
  // Each publication keeps its own backoff; the queue's retry (with backoff) covers a crashed run.
  'metrics.refresh': { retryLimit: 2, retryDelaySec: 120, expireInSeconds: 30 * MINUTE, concurrency: 1, system: true },
  // A retry downloads again from the start (a cancelled or failed download leaves nothing behind).
  'media.import': { retryLimit: 1, retryDelaySec: 5, expireInSeconds: 30 * MINUTE, concurrency: 1 },
};
