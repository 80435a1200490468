import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Project } from '../../../lib/domain.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import {
  createProject,
  deleteProject,
  projectCardsQueryOptions,
  projectListQueryOptions,
  type CardFilter,
  projectQueryOptions,
  renameProject,
  restoreProject,
  type ProjectFilter,
} from '../api/projects.ts';

export const useProjectList = (filter: ProjectFilter) => useQuery(projectListQueryOptions(filter));
export const useProjectCards = (filter: CardFilter) => useQuery(projectCardsQueryOptions(filter));
export const useProject = (id: string) => useQuery(projectQueryOptions(id));

/** After any change to one project: store the fresh row and refetch every list. */
function useProjectChanged() {
  const queryClient = useQueryClient();
  return (project: Project | null, id: string) => {
    if (project) queryClient.setQueryData(queryKeys.project(id), project);
    else void queryClient.invalidateQueries({ queryKey: queryKeys.project(id) });
    return queryClient.invalidateQueries({ queryKey: queryKeys.projectLists });
  };
}

export function useCreateProject() {
  const changed = useProjectChanged();
  return useMutation({
    mutationFn: ({ title, idempotencyKey }: { title: string; idempotencyKey: string }) => createProject(title, idempotencyKey),
    onSuccess: (project) => changed(project, project.id),
  });
}

export function useRenameProject() {
  const changed = useProjectChanged();
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) => renameProject(id, title),
    onSuccess: (project) => changed(project, project.id),
  });
}

export function useDeleteProject() {
  const changed = useProjectChanged();
  return useMutation({ mutationFn: (project: Project) => deleteProject(project.id), onSuccess: (_, project) => changed(null, project.id) });
}

export function useRestoreProject() {
  const changed = useProjectChanged();
  return useMutation({ mutationFn: (project: Project) => restoreProject(project.id), onSuccess: (project) => changed(project, project.id) });
}
