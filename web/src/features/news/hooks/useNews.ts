import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { queryKeys } from '../../../lib/query-keys.ts';
import { addFeed, getArticle, getJob, listFeeds, listNews, makeProject, type NewsQuery, refreshFeeds, removeFeed, updateNewsItem } from '../api/news.ts';

const FEEDS = ['feeds'] as const;
const NEWS = ['news'] as const;

export const useFeeds = () => useQuery({ queryKey: FEEDS, queryFn: ({ signal }) => listFeeds(signal) });

export const useNewsList = (query: NewsQuery) =>
  useQuery({ queryKey: [...NEWS, 'list', query], queryFn: ({ signal }) => listNews(query, signal), placeholderData: keepPreviousData });

function useFeedsChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => Promise.all([queryClient.invalidateQueries({ queryKey: FEEDS }), queryClient.invalidateQueries({ queryKey: NEWS })]), [queryClient]);
}

export function useAddFeed() {
  const changed = useFeedsChanged();
  return useMutation({ mutationFn: addFeed, onSuccess: changed });
}

export function useRemoveFeed() {
  const changed = useFeedsChanged();
  return useMutation({ mutationFn: removeFeed, onSuccess: changed });
}

/** Queues a fetch of every feed and follows the jobs until they end, then shows what they brought. */
export function useRefreshFeeds() {
  const changed = useFeedsChanged();
  const [jobIds, setJobIds] = useState<string[]>([]);
  const start = useMutation({ mutationFn: refreshFeeds, onSuccess: (jobs) => setJobIds(jobs.map((j) => j.id)) });
  const progress = useQuery({
    queryKey: ['feeds', 'refresh', jobIds],
    queryFn: ({ signal }) => Promise.all(jobIds.map((id) => getJob(id, signal))),
    enabled: jobIds.length > 0,
    refetchInterval: 600,
  });
  const jobs = progress.data;
  useEffect(() => {
    if (!jobs?.length || !jobs.every((j) => ['succeeded', 'failed', 'cancelled'].includes(j.state))) return;
    setJobIds([]);
    void changed();
  }, [jobs, changed]);
  return { refresh: () => start.mutate(), running: start.isPending || jobIds.length > 0, error: start.error ?? progress.error };
}

export function useUpdateNewsItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, flags }: { id: string; flags: { favourite?: boolean; dismissed?: boolean } }) => updateNewsItem(id, flags),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NEWS }),
  });
}

export const useArticle = (itemId: string, enabled: boolean) =>
  useQuery({ queryKey: [...NEWS, 'article', itemId], queryFn: ({ signal }) => getArticle(itemId, signal), enabled, staleTime: Infinity });

export function useMakeProject() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: makeProject, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.projectLists }) });
}
