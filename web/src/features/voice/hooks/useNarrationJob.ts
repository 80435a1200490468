import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isActive, watchJob } from '../../../lib/job-events.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { cancelJob, listProjectJobs, startNarration, voiceKeys, type Job } from '../api/voice.ts';

export { isActive };

/**
 * The project's narration job: the latest one (so a reload shows a job still running), started
 * and cancelled from here, followed live over server-sent events. When it ends, the steps are
 * refetched (the job wrote step 4).
 */
export function useNarrationJob(projectId: string) {
  const queryClient = useQueryClient();
  const jobs = useQuery({ queryKey: voiceKeys.jobs(projectId), queryFn: ({ signal }) => listProjectJobs(projectId, signal), staleTime: 0 });
  const [live, setLive] = useState<Job | null>(null);
  const latest = jobs.data?.find((job) => job.name === 'voice.narrate') ?? null;
  const job = live && (!latest || live.createdAt >= latest.createdAt) ? live : latest;
  const followId = isActive(job) ? job!.id : null;

  useEffect(() => {
    if (!followId) return;
    return watchJob(followId, {
      onUpdate: setLive,
      onEnd: () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) });
        void queryClient.invalidateQueries({ queryKey: voiceKeys.jobs(projectId) });
      },
      onLost: () => {
        void queryClient.invalidateQueries({ queryKey: voiceKeys.jobs(projectId) });
      },
    });
  }, [followId, projectId, queryClient]);

  const start = useMutation({
    mutationFn: (sceneIds?: string[]) => startNarration(projectId, sceneIds),
    onSuccess: (started) => setLive(started),
  });
  const cancel = useMutation({
    mutationFn: (jobId: string) => cancelJob(jobId),
    onSuccess: (cancelled) => setLive(cancelled),
  });
  return { job, start, cancel, loading: jobs.isPending };
}
