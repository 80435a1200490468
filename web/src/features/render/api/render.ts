import type { Asset } from '../../../../../contracts/assets.ts';
import type { Job } from '../../../../../contracts/jobs.ts';
import type { PublishBody, RenderBody, RenderState } from '../../../../../contracts/render-api.ts';
import type { PublishMetadata } from '../../../../../contracts/script.ts';
import { http, request } from '../../../lib/http.ts';

export type { Asset, Job, PublishMetadata, RenderState };
export type Aspect = RenderState['settings']['aspect'];
export type Quality = RenderState['settings']['quality'];

const project = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

export const renderKeys = {
  state: (projectId: string) => ['projects', 'one', projectId, 'render'] as const,
};

export const getRenderState = (projectId: string, signal?: AbortSignal) => http.get<RenderState>(`${project(projectId)}/render`, signal);

export const startRender = (projectId: string, body: RenderBody) => http.post<Job>(`${project(projectId)}/render`, body ?? {});

export const cancelJob = (jobId: string) => http.post<Job>(`/api/jobs/${encodeURIComponent(jobId)}/cancel`);

export const draftPublish = (projectId: string) => http.post<PublishMetadata>(`${project(projectId)}/publish/draft`);

export const savePublish = (projectId: string, body: PublishBody) => request<PublishMetadata>('PUT', `${project(projectId)}/publish`, { body });

/** Where an asset's bytes are served; `download` asks the browser to save it. */
export const assetUrl = (asset: Asset, download = false) => `${asset.url}${download ? '?download=1' : ''}`;
