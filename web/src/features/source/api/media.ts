import type { Asset } from '../../../../../contracts/assets.ts';
import type { Job } from '../../../../../contracts/jobs.ts';
import type { MediaImportResult, TranscriberStatus } from '../../../../../contracts/media-sources.ts';
import { MEDIA_SOURCE_LIMITS } from '../../../../../contracts/media-sources.ts';
import { http, send } from '../../../lib/http.ts';

export type { MediaImportResult, TranscriberStatus };
export { MEDIA_SOURCE_LIMITS };

const project = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

export const transcriberStatus = () => http.get<TranscriberStatus>('/api/media-sources/transcriber');
export const importMediaUrl = (projectId: string, url: string) => http.post<Job>(`${project(projectId)}/media-source/url`, { url });
export const transcribeSource = (projectId: string, assetId: string) => http.post<Job>(`${project(projectId)}/media-source/transcribe`, { assetId });
export const cancelMediaJob = (jobId: string) => http.post<Job>(`/api/jobs/${encodeURIComponent(jobId)}/cancel`);

/** Uploads a video or audio source (multipart, so through `send`). */
export async function uploadSource(projectId: string, file: File): Promise<Asset> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await send(`${project(projectId)}/assets?kind=source`, { method: 'POST', body: form, headers: { accept: 'application/json' } });
  return (await response.json()) as Asset;
}
