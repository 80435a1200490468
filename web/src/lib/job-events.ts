import { useEffect, useRef, useState } from 'react';
import type { Job } from '../../../contracts/jobs.ts';

export type { Job };

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);
export const isFinished = (job: Job | null | undefined) => Boolean(job && TERMINAL.has(job.state));

/**
 * Follows a job live over server-sent events (/api/jobs/:id/events) until it ends; `onFinish`
 * runs once with the final job.
 */
export function useJobEvents(jobId: string | null, onFinish?: (job: Job) => void): Job | null {
  const [job, setJob] = useState<Job | null>(null);
  const finish = useRef(onFinish);
  finish.current = onFinish;

  useEffect(() => {
    setJob(null);
    if (!jobId) return;
    const events = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
    events.addEventListener('job', (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as Job;
      setJob(next);
      if (isFinished(next)) {
        events.close();
        finish.current?.(next);
      }
    });
    return () => events.close();
  }, [jobId]);

  return job;
}

/** Resolves with the job once it has ended, reporting each change; for work a mutation waits on. */
export function followJob(jobId: string, onUpdate?: (job: Job) => void): Promise<Job> {
  return new Promise((resolve, reject) => {
    const events = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
    events.addEventListener('job', (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as Job;
      onUpdate?.(next);
      if (isFinished(next)) {
        events.close();
        resolve(next);
      }
    });
    events.onerror = () => {
      events.close();
      reject(new Error('Lost the connection while following the job; reload to see how it ended.'));
    };
  });
}
