import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Job } from '../../../contracts/jobs.ts';
import type { MakeVideoBody } from '../../../contracts/make-video.ts';
import { http } from './http.ts';
import { queryKeys } from './query-keys.ts';

/** The stages the "make video" job reports (the prefix of its step), in order, with the stage number each one is. */
export const MAKE_STAGES = [
  { key: 'script', stage: 3 },
  { key: 'voice', stage: 4 },
  { key: 'storyboard', stage: 6 },
  { key: 'render', stage: 7 },
] as const;
export type MakeStageKey = (typeof MAKE_STAGES)[number]['key'];

const project = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

export const makeKeys = { latest: (projectId: string) => [...queryKeys.project(projectId), 'make'] as const };

/** The project's latest "make video" job, or null. */
export const latestMakeJob = async (projectId: string, signal?: AbortSignal): Promise<Job | null> =>
  (await http.get<Job[]>(`${project(projectId)}/jobs`, signal)).find((job) => job.name === 'video.make') ?? null;

export const useLatestMakeJob = (projectId: string) =>
  useQuery({ queryKey: makeKeys.latest(projectId), queryFn: ({ signal }) => latestMakeJob(projectId, signal), staleTime: 0 });

/** Starts (or, on a double click, joins) the project's "make video" job. */
export function useStartMakeVideo(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MakeVideoBody = {}) => http.post<Job>(`${project(projectId)}/make`, body ?? {}),
    onSuccess: (job) => queryClient.setQueryData(makeKeys.latest(projectId), job),
  });
}

/** Which of the fast path's stages a job step ("voice: synthesising scene 2") is in. */
export function makeStageOf(step: string | null): MakeStageKey | null {
  const key = step?.split(':')[0]?.trim();
  return MAKE_STAGES.some((s) => s.key === key) ? (key as MakeStageKey) : null;
}
