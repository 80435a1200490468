import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queryKeys } from '../../../lib/query-keys.ts';
import { applySource, type ApplySourceBody, importSource, searchNews } from '../api/source.ts';

/** Saves stage 1 (and with it the content of stage 2); the project and its steps come back fresh. */
export function useApplySource(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplySourceBody) => applySource(projectId, body),
    onSuccess: ({ project, steps }) => {
      queryClient.setQueryData(queryKeys.project(projectId), project);
      queryClient.setQueryData(queryKeys.steps(projectId), steps);
      return queryClient.invalidateQueries({ queryKey: queryKeys.projectLists });
    },
  });
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** What the server makes of a typed text (language, words), asked once typing pauses. */
export function useTextPreview(text: string) {
  const settled = useDebounced(text.trim(), 600);
  return useQuery({
    queryKey: ['sources', 'text-preview', settled],
    queryFn: () => importSource({ text: settled }),
    enabled: settled.length > 0,
    staleTime: Infinity,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function useNewsSearch(q: string, enabled: boolean) {
  const settled = useDebounced(q, 400);
  return useQuery({
    queryKey: ['news', 'picker', settled],
    queryFn: ({ signal }) => searchNews(settled, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
