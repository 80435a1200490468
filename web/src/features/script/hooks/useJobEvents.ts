import { useEffect, useRef, useState } from 'react';
import type { Job } from '../api/script.ts';

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
