import { useMutation, useQuery } from '@tanstack/react-query';
import { useStepWritten } from '../../../lib/steps/use-steps.ts';
import { useState } from 'react';
import { followJob, type Job } from '../../../lib/job-events.ts';
import { analyseContent, getStep, getWriter } from '../api/content.ts';

export const WRITER_QUERY_KEY = ['writer'] as const;

export const useWriter = () => useQuery({ queryKey: WRITER_QUERY_KEY, queryFn: ({ signal }) => getWriter(signal) });

/** Analysis of the stage-2 text; with an LLM it is a job, followed live (`progress`) until step 2 holds it. */
export function useAnalyse(projectId: string) {
  const store = useStepWritten(projectId);
  const [progress, setProgress] = useState<Job | null>(null);
  const mutation = useMutation({
    mutationFn: async (body: { text?: string; title?: string; baseVersion?: number }) => {
      const started = await analyseContent(projectId, body);
      if ('step' in started) return started.step;
      setProgress(started.job);
      const job = await followJob(started.job.id, setProgress).finally(() => setProgress(null));
      if (job.state !== 'succeeded') throw new Error(job.error ?? `The analysis was ${job.state}`);
      return getStep(projectId, 2);
    },
    onSuccess: (step) => store(step),
  });
  return { ...mutation, progress };
}
