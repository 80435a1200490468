import type { Project } from '../../../contracts/projects.ts';

export type ProjectStatus = Project['status'];

/**
 * The statuses of contracts/projects.ts, listed here so the bundle does not pull in zod; the
 * type check below fails if the two lists ever differ.
 */
export const PROJECT_STATUSES = ['draft', 'in_progress', 'rendered', 'published'] as const satisfies readonly ProjectStatus[];

type Missing = Exclude<ProjectStatus, (typeof PROJECT_STATUSES)[number]>;
const everyStatusListed: Missing extends never ? true : false = true;
void everyStatusListed;
