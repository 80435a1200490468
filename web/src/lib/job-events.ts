import { useEffect, useRef, useState } from 'react';
import type { Job } from '../../../contracts/jobs.ts';

export type { Job };

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);
export const isFinished = (job: Job | null | undefined) => Boolean(job && TERMINAL.has(job.state));
export const isActive = (job: Job | null | undefined) => Boolean(job && !TERMINAL.has(job.state));

export interface JobWatch {
  onUpdate(job: Job): void;
  /** Once, with the final job. */
  onEnd?(job: Job): void;
  /** The stream broke before the job ended (server restarted, network): read the state again. */
  onLost?(): void;
}

/** Follows a job over server-sent events (/api/jobs/:id/events) until it ends; returns a stop function. */
export function watchJob(jobId: string, watch: JobWatch): () => void {
  const events = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
  events.addEventListener('job', (event) => {
    const next = JSON.parse((event as MessageEvent<string>).data) as Job;
    watch.onUpdate(next);
    if (isFinished(next)) {
      events.close();
      watch.onEnd?.(next);
    }
  });
  events.onerror = () => {
    events.close();
    watch.onLost?.();
  };
  return () => events.close();
}

/** The job as it changes, while `jobId` is set; `onFinish` runs once with the final job. */
export function useJobEvents(jobId: string | null, onFinish?: (job: Job) => void): Job | null {
  const [job, setJob] = useState<Job | null>(null);
  const finish = useRef(onFinish);
  finish.current = onFinish;

  useEffect(() => {
    setJob(null);
    if (!jobId) return;
    return watchJob(jobId, { onUpdate: setJob, onEnd: (final) => finish.current?.(final) });
  }, [jobId]);

  return job;
}

/**
 * A stage's job: the one its saved state names, or a newer one started or seen live in this tab;
 * followed over server-sent events while it runs. `onEnd` runs when it ends, `onLost` when the
 * stream breaks first. `setLive` takes a job the caller just started or cancelled.
 */
export function useStageJob(saved: Job | null | undefined, handlers: { onEnd: () => void; onLost: () => void }) {
  const [live, setLive] = useState<Job | null>(null);
  const job = live && (!saved || live.id === saved.id || live.createdAt >= saved.createdAt) ? live : (saved ?? null);
  const followId = isActive(job) ? job!.id : null;
  const current = useRef(handlers);
  current.current = handlers;

  useEffect(() => {
    if (!followId) return;
    return watchJob(followId, { onUpdate: setLive, onEnd: () => current.current.onEnd(), onLost: () => current.current.onLost() });
  }, [followId]);

  return { job, setLive };
}

/** Resolves with the job once it has ended, reporting each change; for work a mutation waits on. */
export function followJob(jobId: string, onUpdate?: (job: Job) => void): Promise<Job> {
  return new Promise((resolve, reject) => {
    watchJob(jobId, {
      onUpdate: (job) => onUpdate?.(job),
      onEnd: resolve,
      onLost: () => reject(new Error('Lost the connection while following the job; reload to see how it ended.')),
    });
  });
}
