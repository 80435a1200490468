import type { ProjectStatus } from './domain.ts';

/**
 * Every query key in one place, so a feature can invalidate data another feature shows
 * without importing that feature.
 */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  /** Set when a request found the session gone, so the login page can say why it is shown. */
  sessionExpired: ['auth', 'session-expired'] as const,
  projects: ['projects'] as const,
  projectLists: ['projects', 'list'] as const,
  projectList: (filter: { status?: ProjectStatus; deleted: boolean }) => ['projects', 'list', filter] as const,
  project: (id: string) => ['projects', 'one', id] as const,
  steps: (projectId: string) => ['projects', 'one', projectId, 'steps'] as const,
};
