import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MergeStepBody, Step, UpsertStepBody } from '../domain.ts';
import { isApiError } from '../http.ts';
import { queryKeys } from '../query-keys.ts';
import { mergeStepInOrder } from './ordered-merge.ts';
import { skipStep, stepsQueryOptions, upsertStep } from './steps-api.ts';

export const useSteps = (projectId: string) => useQuery(stepsQueryOptions(projectId));

/**
 * A step write changes the step, the staleness of the steps built from it, and the project
 * (summary, status, current stage after a skip): refetch all three.
 */
export function useStepWritten(projectId: string) {
  const queryClient = useQueryClient();
  return (step: Step | null) => {
    if (step) {
      queryClient.setQueryData<Step[]>(queryKeys.steps(projectId), (steps) =>
        steps ? [...steps.filter((s) => s.stepNumber !== step.stepNumber), step].sort((a, b) => a.stepNumber - b.stepNumber) : [step],
      );
    }
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId), exact: true }),
      queryClient.invalidateQueries({ queryKey: queryKeys.projectLists }),
    ]);
  };
}

export function useUpsertStep(projectId: string) {
  const written = useStepWritten(projectId);
  return useMutation({
    mutationFn: ({ body, ifMatch }: { body: UpsertStepBody; ifMatch?: number }) => upsertStep(projectId, body, ifMatch),
    onSuccess: (step) => written(step),
    // A 412 carries the current row: our copy is old, so store theirs (the editor keeps the user's draft).
    onError: (error) => (isApiError(error, 412) ? written(conflictingStep(error.details)) : undefined),
  });
}

export interface MergeStepVariables {
  stepNumber: number;
  patch: Omit<MergeStepBody, 'baseVersion'>;
  /** The version of the step the change was made on (0 when it did not exist yet). */
  baseVersion: number;
}

export function useMergeStep(projectId: string) {
  const written = useStepWritten(projectId);
  return useMutation({
    mutationFn: ({ stepNumber, patch, baseVersion }: MergeStepVariables) => mergeStepInOrder(projectId, stepNumber, patch, baseVersion),
    onSuccess: (step) => written(step),
    onError: (error) => (isApiError(error, 412) ? written(conflictingStep(error.details)) : undefined),
  });
}

export function useSkipStep(projectId: string) {
  const written = useStepWritten(projectId);
  return useMutation({
    mutationFn: ({ stepNumber, reason }: { stepNumber: number; reason?: string }) => skipStep(projectId, stepNumber, reason),
    onSuccess: (step) => written(step),
  });
}

/** The current row sent with a 412 (null when the step does not exist). */
export function conflictingStep(details: unknown): Step | null {
  return (details as { current?: Step | null } | undefined)?.current ?? null;
}
