import { queryOptions } from '@tanstack/react-query';
import type { Job } from '../../../../../contracts/jobs.ts';
import type { Asset } from '../../../../../contracts/assets.ts';
import type { SceneBoundary, VoiceCatalog, VoicePreviewBody } from '../../../../../contracts/voice-api.ts';
import type { Step } from '../../../lib/domain.ts';
import { http, request, send } from '../../../lib/http.ts';

export type { Job, Asset };

const project = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

export const voiceKeys = {
  catalog: (language: string) => ['voice', 'catalog', language] as const,
  asset: (assetId: string) => ['assets', assetId] as const,
  jobs: (projectId: string) => ['projects', 'one', projectId, 'jobs'] as const,
};

export const getVoiceCatalog = (language: string, signal?: AbortSignal) =>
  http.get<VoiceCatalog>(`/api/voices?language=${encodeURIComponent(language)}`, signal);

export const voiceCatalogQueryOptions = (language: string) =>
  queryOptions({ queryKey: voiceKeys.catalog(language), queryFn: ({ signal }) => getVoiceCatalog(language, signal), staleTime: 5 * 60_000 });

export const getAsset = (assetId: string, signal?: AbortSignal) => http.get<Asset>(`/api/assets/${encodeURIComponent(assetId)}`, signal);

export const assetQueryOptions = (assetId: string) =>
  queryOptions({ queryKey: voiceKeys.asset(assetId), queryFn: ({ signal }) => getAsset(assetId, signal), staleTime: Infinity });

export const listProjectJobs = (projectId: string, signal?: AbortSignal) => http.get<Job[]>(`${project(projectId)}/jobs`, signal);

export const startNarration = (projectId: string, sceneIds?: string[]) => http.post<Job>(`${project(projectId)}/voice/narration`, sceneIds ? { sceneIds } : {});

export const cancelJob = (jobId: string) => http.post<Job>(`/api/jobs/${encodeURIComponent(jobId)}/cancel`);

export const setBoundaries = (projectId: string, boundaries: SceneBoundary[]) =>
  request<Step>('PUT', `${project(projectId)}/voice/boundaries`, { body: { boundaries } });


/** A short sample of a voice, as a WAV blob. */
export async function previewVoice(body: VoicePreviewBody): Promise<Blob> {
  const response = await send('/api/voices/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.blob();
}

/** Own audio for the whole script or one scene; `recorded` marks an in-browser recording (WebM accepted). */
export async function uploadOwnAudio(projectId: string, file: Blob, options: { sceneId?: string; recorded: boolean; name: string }): Promise<Step> {
  const query = new URLSearchParams();
  if (options.sceneId) query.set('sceneId', options.sceneId);
  if (options.recorded) query.set('recorded', 'true');
  const form = new FormData();
  form.append('file', file, options.name);
  const response = await send(`${project(projectId)}/voice/own-audio?${query.toString()}`, { method: 'POST', body: form, headers: { accept: 'application/json' } });
  return (await response.json()) as Step;
}
