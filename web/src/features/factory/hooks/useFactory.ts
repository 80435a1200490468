import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queryKeys } from '../../../lib/query-keys.ts';
import {
  addRule,
  approveDraft,
  deleteRule,
  editRule,
  type FactorySettings,
  getJob,
  getSettings,
  listDrafts,
  listFeeds,
  listRuns,
  patchLearned,
  rejectDraft,
  reviseDraft,
  runNow,
  saveRules,
} from '../api/factory.ts';

const KEYS = {
  settings: ['factory', 'settings'] as const,
  runs: ['factory', 'runs'] as const,
  drafts: ['factory', 'drafts'] as const,
};

export const useFactorySettings = () => useQuery({ queryKey: KEYS.settings, queryFn: ({ signal }) => getSettings(signal) });
export const useDrafts = () => useQuery({ queryKey: KEYS.drafts, queryFn: ({ signal }) => listDrafts(signal) });

/** The recent runs, polled while one is under way so its item log grows on screen. */
export const useRuns = (running: boolean) => useQuery({ queryKey: KEYS.runs, queryFn: ({ signal }) => listRuns(signal), refetchInterval: running ? 1000 : false });

function useSettingsMutation<A>(mutationFn: (arg: A) => Promise<FactorySettings>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: (settings) => queryClient.setQueryData(KEYS.settings, settings) });
}

export const useSaveRules = () => useSettingsMutation(saveRules);
export const usePatchLearned = () => useSettingsMutation(patchLearned);
export const useAddRule = () => useSettingsMutation(addRule);
export const useEditRule = () => useSettingsMutation(({ id, text }: { id: string; text: string }) => editRule(id, text));
export const useDeleteRule = () => useSettingsMutation(deleteRule);

/** "Run now": queues a run and follows its job; when it ends, the drafts and the log are read again. */
export function useRunNow() {
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({ mutationFn: runNow, onSuccess: (job) => setJobId(job.id) });
  const job = useQuery({ queryKey: ['factory', 'job', jobId], queryFn: ({ signal }) => getJob(jobId!, signal), enabled: jobId !== null, refetchInterval: 700 });
  const state = job.data?.state;
  const finished = state === 'succeeded' || state === 'failed' || state === 'cancelled';
  useEffect(() => {
    if (!finished) return;
    setJobId(null);
    void queryClient.invalidateQueries({ queryKey: ['factory'] });
  }, [finished, queryClient]);
  return { run: () => start.mutate(), running: start.isPending || jobId !== null, startError: start.error, runFailure: state === 'failed' ? (job.data?.error ?? '') : null };
}

function useDraftMutation<A, R>(mutationFn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['factory'] }), queryClient.invalidateQueries({ queryKey: queryKeys.projectLists })]),
  });
}

export const useApproveDraft = () => useDraftMutation(({ id, ...body }: { id: string } & Parameters<typeof approveDraft>[1]) => approveDraft(id, body));
export const useReviseDraft = () => useDraftMutation(({ id, ...body }: { id: string } & Parameters<typeof reviseDraft>[1]) => reviseDraft(id, body));
export const useRejectDraft = () => useDraftMutation(({ id, ...body }: { id: string } & Parameters<typeof rejectDraft>[1]) => rejectDraft(id, body));

export const useFeedChoices = () => useQuery({ queryKey: ['feeds'], queryFn: ({ signal }) => listFeeds(signal) });
