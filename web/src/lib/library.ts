import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LibraryEntry } from '../../../contracts/library.ts';
import { http } from './http.ts';

/** Query keys of the scripts library, shared by the library screen and stage 3's "save to library". */
export const libraryKeys = {
  all: ['library'] as const,
  ofProject: (projectId: string) => ['library', 'project', projectId] as const,
};

const projectLibrary = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/library`;

/** The library entry a project's script was saved to, or null. */
export const useProjectLibraryEntry = (projectId: string) =>
  useQuery({ queryKey: libraryKeys.ofProject(projectId), queryFn: async ({ signal }) => (await http.get<{ entry: LibraryEntry | null }>(projectLibrary(projectId), signal)).entry });

/** Saves the project's final script to the library (a new version of its entry when it has one). */
export function useSaveProjectScript(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<LibraryEntry>(projectLibrary(projectId), {}),
    onSuccess: (entry) => {
      queryClient.setQueryData(libraryKeys.ofProject(projectId), entry);
      return queryClient.invalidateQueries({ queryKey: libraryKeys.all });
    },
  });
}
