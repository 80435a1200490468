import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  type AddReadingBody,
  addPublication,
  addReading,
  getDashboard,
  getProjectPerformance,
  importCsv,
  type PublicationBody,
  refreshPublication,
  removePublication,
  removeReading,
  summarise,
} from '../api/performance.ts';

const PERFORMANCE = ['performance'] as const;

export const useProjectPerformance = (projectId: string) =>
  useQuery({ queryKey: [...PERFORMANCE, 'project', projectId], queryFn: ({ signal }) => getProjectPerformance(projectId, signal) });

export const useDashboard = () => useQuery({ queryKey: [...PERFORMANCE, 'dashboard'], queryFn: ({ signal }) => getDashboard(signal) });

/** Any change to a publication or its numbers moves baselines and advice everywhere. */
function useChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: PERFORMANCE }), [queryClient]);
}

export function useAddPublication(projectId: string) {
  const changed = useChanged();
  return useMutation({ mutationFn: (body: PublicationBody) => addPublication(projectId, body), onSuccess: changed });
}

export function useRemovePublication() {
  const changed = useChanged();
  return useMutation({ mutationFn: removePublication, onSuccess: changed });
}

export function useAddReading(publicationId: string) {
  const changed = useChanged();
  return useMutation({ mutationFn: (body: AddReadingBody) => addReading(publicationId, body), onSuccess: changed });
}

export function useImportCsv(publicationId: string) {
  const changed = useChanged();
  return useMutation({ mutationFn: (csv: string) => importCsv(publicationId, csv), onSuccess: changed });
}

export function useRemoveReading(publicationId: string) {
  const changed = useChanged();
  return useMutation({ mutationFn: (readingId: string) => removeReading(publicationId, readingId), onSuccess: changed });
}

export function useRefreshPublication() {
  const changed = useChanged();
  return useMutation({ mutationFn: refreshPublication, onSuccess: changed });
}

export const useSummary = () => useMutation({ mutationFn: summarise });
