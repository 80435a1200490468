import type { AvatarCatalog, AvatarPlacement, AvatarState, CreateClipBody } from '../../../../../contracts/avatar-api.ts';
import type { Job } from '../../../../../contracts/jobs.ts';
import { http } from '../../../lib/http.ts';

export type { AvatarCatalog, AvatarPlacement, AvatarState, CreateClipBody, Job };

const project = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

export const avatarKeys = {
  state: (projectId: string) => ['projects', 'one', projectId, 'avatar'] as const,
  catalog: ['avatar', 'catalog'] as const,
};

export const getAvatarState = (projectId: string, signal?: AbortSignal) => http.get<AvatarState>(`${project(projectId)}/avatar`, signal);

export const getAvatarCatalog = (signal?: AbortSignal) => http.get<AvatarCatalog>('/api/avatar/catalog', signal);

/** Stage 5 writes name the version of step 5 they were made on: a newer one answers 412 with the current step. */
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export const startClip = (projectId: string, body: CreateClipBody, baseVersion: number) => http.post<Job>(`${project(projectId)}/avatar/clip`, body, ifMatch(baseVersion));

export const followClip = (projectId: string) => http.post<Job>(`${project(projectId)}/avatar/follow`);

export const setPlacement = (projectId: string, placement: AvatarPlacement, baseVersion: number) =>
  http.patch<AvatarState>(`${project(projectId)}/avatar`, { placement }, { headers: ifMatch(baseVersion) });

export const cancelJob = (jobId: string) => http.post<Job>(`/api/jobs/${encodeURIComponent(jobId)}/cancel`);
