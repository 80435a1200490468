import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isActive, watchJob } from '../../../lib/job-events.ts';
import type { RenderBody } from '../../../../../contracts/render-api.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { cancelJob, getRenderState, renderKeys, startRender, type Job, type RenderState } from '../api/render.ts';

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
  const [live, setLive] = useState<Job | null>(null);
  const saved = state.job;
  const job = live && (!saved || live.id === saved.id || live.createdAt >= saved.createdAt) ? live : saved;
  const followId = isActive(job) ? job!.id : null;

  useEffect(() => {
    if (!followId) return;
    const refresh = () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: renderKeys.state(projectId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId), exact: true }),
        queryClient.invalidateQueries({ queryKey: queryKeys.projectLists }),
      ]);
    return watchJob(followId, {
      onUpdate: setLive,
      onEnd: () => {
        void refresh();
      },
      onLost: () => {
        void queryClient.invalidateQueries({ queryKey: renderKeys.state(projectId) });
      },
    });
  }, [followId, projectId, queryClient]);

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
