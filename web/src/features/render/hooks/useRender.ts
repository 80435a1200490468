import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isActive, useStageJob } from '../../../lib/job-events.ts';
import type { RenderBody } from '../../../../../contracts/render-api.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { cancelJob, getRenderState, renderKeys, startRender, type RenderState } from '../api/render.ts';

export { isActive };

/** Stage 7's state: settings, the latest render job, outputs, publish text, what stops a render. */
export const useRenderState = (projectId: string) =>
  useQuery({ queryKey: renderKeys.state(projectId), queryFn: ({ signal }) => getRenderState(projectId, signal), staleTime: 0 });

/**
 * The render job followed live over server-sent events; when it ends, the state, the steps and
 * the project (its status becomes "rendered") are read again.
 */
export function useRender(projectId: string, state: RenderState) {
  const queryClient = useQueryClient();
  const { job, setLive } = useStageJob(state.job, {
    onEnd: () =>
      void Promise.all([
        queryClient.invalidateQueries({ queryKey: renderKeys.state(projectId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId), exact: true }),
        queryClient.invalidateQueries({ queryKey: queryKeys.projectLists }),
      ]),
    onLost: () => void queryClient.invalidateQueries({ queryKey: renderKeys.state(projectId) }),
  });

  const start = useMutation({
    mutationFn: (body: RenderBody) => startRender(projectId, body),
    onSuccess: (started) => {
      setLive(started);
      void queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) });
    },
  });
  const cancel = useMutation({
    mutationFn: (jobId: string) => cancelJob(jobId),
    onSuccess: (cancelled) => setLive(cancelled),
  });
  return { job, start, cancel };
}
