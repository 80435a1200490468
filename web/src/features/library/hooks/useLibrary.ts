import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { libraryKeys } from '../../../lib/library.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { compareVersions, deleteEntry, getEntry, listLibrary, type LibraryQuery, produce, updateEntry } from '../api/library.ts';

export const useLibraryList = (query: LibraryQuery) =>
  useQuery({ queryKey: [...libraryKeys.all, 'list', query], queryFn: ({ signal }) => listLibrary(query, signal), placeholderData: keepPreviousData });

export const useLibraryEntry = (id: string, enabled: boolean) =>
  useQuery({ queryKey: [...libraryKeys.all, 'entry', id], queryFn: ({ signal }) => getEntry(id, signal), enabled });

export const useComparison = (id: string, from: number, to: number, enabled: boolean) =>
  useQuery({ queryKey: [...libraryKeys.all, 'compare', id, from, to], queryFn: ({ signal }) => compareVersions(id, from, to, signal), enabled });

function useLibraryChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: libraryKeys.all });
}

export function useUpdateEntry() {
  const changed = useLibraryChanged();
  return useMutation({ mutationFn: ({ id, changes }: { id: string; changes: { title?: string; tags?: string[] } }) => updateEntry(id, changes), onSuccess: changed });
}

export function useDeleteEntry() {
  const changed = useLibraryChanged();
  return useMutation({ mutationFn: deleteEntry, onSuccess: changed });
}

export function useProduce() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: produce, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.projectLists }) });
}
