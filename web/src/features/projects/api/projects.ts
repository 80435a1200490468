import { queryOptions } from '@tanstack/react-query';
import type { Project, ProjectStatus } from '../../../lib/domain.ts';
import { http } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface ProjectFilter {
  status?: ProjectStatus;
  deleted: boolean;
}

export function listProjects(filter: ProjectFilter, signal?: AbortSignal): Promise<Project[]> {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.deleted) query.set('deleted', 'true');
  const text = query.toString();
  const suffix = text ? `?${text}` : '';
  return http.get<Project[]>(`/api/projects${suffix}`, signal);
}

export const projectListQueryOptions = (filter: ProjectFilter) =>
  queryOptions({ queryKey: queryKeys.projectList(filter), queryFn: ({ signal }) => listProjects(filter, signal) });

export const getProject = (id: string, signal?: AbortSignal) => http.get<Project>(`/api/projects/${encodeURIComponent(id)}`, signal);

export const projectQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.project(id), queryFn: ({ signal }) => getProject(id, signal) });

/** `idempotencyKey`: the same key for repeats of one creation (a double click), so the server makes one project. */
export const createProject = (title: string, idempotencyKey: string) => http.post<Project>('/api/projects', { title }, { 'idempotency-key': idempotencyKey });
export const renameProject = (id: string, title: string) => http.patch<Project>(`/api/projects/${encodeURIComponent(id)}`, { title });
export const deleteProject = (id: string) => http.delete(`/api/projects/${encodeURIComponent(id)}`);
export const restoreProject = (id: string) => http.post<Project>(`/api/projects/${encodeURIComponent(id)}/restore`);
