import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Step } from '../../../lib/domain.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useState } from 'react';
import { followJob, type Job } from '../../../lib/job-events.ts';
import { analyseContent, getStep, getWriter } from '../api/content.ts';

export const WRITER_QUERY_KEY = ['writer'] as const;

export const useWriter = () => useQuery({ queryKey: WRITER_QUERY_KEY, queryFn: ({ signal }) => getWriter(signal) });

/** Puts a written step into the project's steps cache, and refetches what depends on it. */
export function useStoreStep(projectId: string) {
  const queryClient = useQueryClient();
  return (step: Step) => {
    queryClient.setQueryData<Step[]>(queryKeys.steps(projectId), (steps) =>
      steps ? [...steps.filter((s) => s.stepNumber !== step.stepNumber), step].sort((a, b) => a.stepNumber - b.stepNumber) : [step],
    );
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.projectLists }),
    ]);
  };
}

/** Analysis of the stage-2 text; with an LLM it is a job, followed live (`progress`) until step 2 holds it. */
export function useAnalyse(projectId: string) {
  const store = useStoreStep(projectId);
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
