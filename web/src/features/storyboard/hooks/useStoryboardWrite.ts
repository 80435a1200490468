import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { isApiError } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { writeStepInOrder } from '../../../lib/steps/ordered-merge.ts';
import { storyboardKeys, type StoryboardView } from '../api/storyboard.ts';
import type { StoryboardPart } from '../storyboard-conflict.ts';

export interface StoryboardWriteVariables<I> {
  input: I;
  /** The storyboard on screen when the change was made: its version goes as If-Match. */
  base: StoryboardView;
}

export interface StoryboardWrite<I> {
  projectId: string;
  mutation: UseMutationResult<StoryboardView, Error, StoryboardWriteVariables<I>>;
  /** The scene the change is about (null: music or captions), named in the conflict dialog. */
  partOf: (input: I) => StoryboardPart;
  mutate: (input: I) => void;
  isPending: boolean;
  isSuccess: boolean;
  /** Failures other than a conflict (a conflict opens StoryboardConflictDialog instead). */
  isError: boolean;
  error: Error | null;
}

/**
 * A stage-6 write based on the storyboard on screen. It answers with the new storyboard; a 412
 * (written elsewhere since) reads the stored one again, so the dialog can show what changed.
 */
export function useStoryboardWrite<I>(projectId: string, send: (input: I, baseVersion: number) => Promise<StoryboardView>, partOf: (input: I) => StoryboardPart): StoryboardWrite<I> {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: storyboardKeys.view(projectId) }), queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) })]);
  const mutation = useMutation({
    mutationFn: ({ input, base }: StoryboardWriteVariables<I>) => writeStepInOrder(projectId, 6, base.version, (version) => send(input, version), (view) => view.version),
    onSuccess: (view) => {
      queryClient.setQueryData(storyboardKeys.view(projectId), view);
      void queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) });
    },
    onError: (error) => (isApiError(error, 412) ? refresh() : undefined),
  });
  const conflict = isApiError(mutation.error, 412);
  return {
    projectId,
    mutation,
    partOf,
    mutate: (input) => {
      const base = queryClient.getQueryData<StoryboardView>(storyboardKeys.view(projectId));
      if (base) mutation.mutate({ input, base });
    },
    isPending: mutation.isPending,
    isSuccess: mutation.isSuccess,
    isError: mutation.isError && !conflict,
    error: conflict ? null : mutation.error,
  };
}
