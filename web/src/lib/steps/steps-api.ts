import { queryOptions } from '@tanstack/react-query';
import type { MergeStepBody, Step, UpsertStepBody } from '../domain.ts';
import { http } from '../http.ts';
import { queryKeys } from '../query-keys.ts';

const stepsPath = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/steps`;

export const listSteps = (projectId: string, signal?: AbortSignal) => http.get<Step[]>(stepsPath(projectId), signal);

export const stepsQueryOptions = (projectId: string) =>
  queryOptions({ queryKey: queryKeys.steps(projectId), queryFn: ({ signal }) => listSteps(projectId, signal) });

/**
 * Create or replace a step. With `ifMatch` (the version the edit started from, 0 for "must not
 * exist yet") the server answers 412 with the current row if someone wrote in between.
 */
export const upsertStep = (projectId: string, body: UpsertStepBody, ifMatch?: number) =>
  http.post<Step>(stepsPath(projectId), body, ifMatch === undefined ? undefined : { 'if-match': `"${ifMatch}"` });

/**
 * A JSON merge patch: only the fields sent change (null clears completedAt / skipReason). It
 * carries the version the change was based on (0: the step did not exist), so a write made
 * elsewhere meanwhile answers 412 with the current row instead of being merged over blindly.
 */
export const mergeStep = (projectId: string, stepNumber: number, patch: Omit<MergeStepBody, 'baseVersion'>, baseVersion: number) =>
  http.patch<Step>(`${stepsPath(projectId)}/${stepNumber}`, { ...patch, baseVersion }, { contentType: 'application/merge-patch+json' });

export const skipStep = (projectId: string, stepNumber: number, reason?: string) =>
  http.post<Step>(`${stepsPath(projectId)}/${stepNumber}/skip`, reason ? { reason } : {});
