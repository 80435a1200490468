import { queryOptions } from '@tanstack/react-query';
import type { ProjectCard, ProjectWork } from '../../../../../contracts/projects.ts';
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

export type { ProjectCard, ProjectWork };
export const PROJECT_WORK_STATES = ['rendering', 'ready', 'outdated'] as const satisfies readonly ProjectWork[];

export interface CardFilter {
  status?: ProjectStatus;
  work?: ProjectWork;
  q?: string;
}

/** The projects page's cards: progress, the video's state and a thumbnail, in one request. */
export function listProjectCards(filter: CardFilter, signal?: AbortSignal): Promise<ProjectCard[]> {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.work) query.set('work', filter.work);
  if (filter.q?.trim()) query.set('q', filter.q.trim());
  const text = query.toString();
  return http.get<ProjectCard[]>(`/api/projects/cards${text ? `?${text}` : ''}`, signal);
}

/** Under the project lists' key, so every change to a project refreshes the cards too. */
export const projectCardsQueryOptions = (filter: CardFilter) =>
  queryOptions({
    queryKey: [...queryKeys.projectLists, 'cards', filter] as const,
    queryFn: ({ signal }) => listProjectCards(filter, signal),
    // Work goes on elsewhere (renders, other tabs, the command line): opening the page shows it as it is now.
    staleTime: 0,
    // While a video renders, its card follows it.
    refetchInterval: (query) => (query.state.data?.some((card) => card.work === 'rendering') ? 3000 : false),
  });
