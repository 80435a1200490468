import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queryKeys } from '../../../lib/query-keys.ts';
import { cancelJob, listProjectJobs, startNarration, voiceKeys, type Job } from '../api/voice.ts';

const TERMINAL = ['succeeded', 'failed', 'cancelled'];
export const isActive = (job: Job | null | undefined) => Boolean(job && !TERMINAL.includes(job.state));

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
    const source = new EventSource(`/api/jobs/${encodeURIComponent(followId)}/events`);
    source.addEventListener('job', (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as Job;
      setLive(next);
      if (TERMINAL.includes(next.state)) {
        source.close();
        void queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) });
        void queryClient.invalidateQueries({ queryKey: voiceKeys.jobs(projectId) });
      }
    });
    // The stream ends when the job does; a broken one is replaced by re-reading the job list.
    source.onerror = () => {
      source.close();
      void queryClient.invalidateQueries({ queryKey: voiceKeys.jobs(projectId) });
    };
    return () => source.close();
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
