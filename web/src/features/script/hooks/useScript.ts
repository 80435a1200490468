import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useStepWritten } from '../../../lib/steps/use-steps.ts';
import { generateScript, listProjectJobs, listScriptVersions, revertScript, saveFinalScript } from '../api/script.ts';
import type { Choices } from '../script-state.ts';

const versionsKey = (projectId: string) => [...queryKeys.steps(projectId), 'script-versions'] as const;
const jobsKey = (projectId: string) => ['projects', 'one', projectId, 'jobs'] as const;

export const useScriptVersions = (projectId: string) => useQuery({ queryKey: versionsKey(projectId), queryFn: ({ signal }) => listScriptVersions(projectId, signal) });

/** The project's newest script job, e.g. one started on stage 2 before the author got here. */
export function useLatestScriptJob(projectId: string) {
  return useQuery({
    queryKey: jobsKey(projectId),
    queryFn: ({ signal }) => listProjectJobs(projectId, signal),
    select: (jobs) => jobs.find((j) => j.name === 'script.generate') ?? null,
    staleTime: 0,
  });
}

export function useGenerateScript(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { sceneId?: string; replace?: boolean }) => generateScript(projectId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobsKey(projectId) }),
  });
}

export function useSaveFinalScript(projectId: string) {
  const stored = useStepWritten(projectId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ choices, complete, baseVersion }: { choices: Choices; complete: boolean; baseVersion: number }) => saveFinalScript(projectId, choices, complete, baseVersion),
    onSuccess: (step) => Promise.all([stored(step), queryClient.invalidateQueries({ queryKey: versionsKey(projectId) })]),
  });
}

export function useRevertScript(projectId: string) {
  const stored = useStepWritten(projectId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => revertScript(projectId, version),
    onSuccess: (step) => Promise.all([stored(step), queryClient.invalidateQueries({ queryKey: versionsKey(projectId) })]),
  });
}

/** After a job wrote step 3: fetch the steps (and the job list) again. */
export function useRefreshAfterJob(projectId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () => Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) }), queryClient.invalidateQueries({ queryKey: jobsKey(projectId) })]),
    [queryClient, projectId],
  );
}
