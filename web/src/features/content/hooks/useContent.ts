import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Step } from '../../../lib/domain.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { analyseContent, getWriter } from '../api/content.ts';

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

export function useAnalyse(projectId: string) {
  const store = useStoreStep(projectId);
  return useMutation({
    mutationFn: (body: { text?: string; title?: string; baseVersion?: number }) => analyseContent(projectId, body),
    onSuccess: (step) => store(step),
  });
}
