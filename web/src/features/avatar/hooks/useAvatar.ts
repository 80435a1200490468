import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/http.ts';
import { isActive, useStageJob } from '../../../lib/job-events.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { avatarKeys, cancelJob, followClip, getAvatarCatalog, getAvatarState, setPlacement, startClip, type AvatarPlacement, type AvatarState, type CreateClipBody, type Job } from '../api/avatar.ts';

export { isActive };

export const useAvatarState = (projectId: string) =>
  useQuery({ queryKey: avatarKeys.state(projectId), queryFn: ({ signal }) => getAvatarState(projectId, signal), staleTime: 0 });

export const useAvatarCatalog = (enabled: boolean) =>
  useQuery({ queryKey: avatarKeys.catalog, queryFn: ({ signal }) => getAvatarCatalog(signal), enabled, staleTime: 10 * 60_000, retry: false });

/** The clip job followed live over server-sent events; when it ends, stage 5 and the steps are read again. */
export function useClipJob(projectId: string, state: AvatarState) {
  const queryClient = useQueryClient();
  const refresh = () =>
    void Promise.all([queryClient.invalidateQueries({ queryKey: avatarKeys.state(projectId) }), queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) })]);
  const { job, setLive } = useStageJob(state.job, { onEnd: refresh, onLost: refresh });

  const started = (next: Job) => {
    setLive(next);
    void queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) });
  };
  const start = useMutation({
    mutationFn: ({ body, baseVersion }: { body: CreateClipBody; baseVersion: number }) => startClip(projectId, body, baseVersion),
    onSuccess: started,
    onError: (error) => (isApiError(error, 412) ? refresh() : undefined),
  });
  const follow = useMutation({ mutationFn: () => followClip(projectId), onSuccess: started });
  const cancel = useMutation({ mutationFn: (jobId: string) => cancelJob(jobId), onSuccess: setLive });
  return { job, start, follow, cancel };
}

export function usePlacement(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ placement, baseVersion }: { placement: AvatarPlacement; baseVersion: number }) => setPlacement(projectId, placement, baseVersion),
    onSuccess: (state) => {
      queryClient.setQueryData(avatarKeys.state(projectId), state);
      void queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) });
    },
    // Placed elsewhere meanwhile: read what is stored, so the dialog's "see the other change" shows it.
    onError: (error) =>
      isApiError(error, 412)
        ? void Promise.all([queryClient.invalidateQueries({ queryKey: avatarKeys.state(projectId) }), queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) })])
        : undefined,
  });
}
