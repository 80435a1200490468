import type { Job } from '../../contracts/jobs.ts';
import type { Backend, JobProgress } from '../backend.ts';
import { ApiClient } from '../api-client.ts';
import type { ApiClientOptions } from '../api-client.ts';
import { CliError, EXIT } from '../cli-error.ts';

const POLL_MS = 300;
const TERMINAL = ['succeeded', 'failed', 'cancelled'];
const project = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

/** Follows a job until it ends; a failed or cancelled job becomes a CliError with its reason. */
export async function followJob(api: ApiClient, job: Job, onProgress: JobProgress, signal?: AbortSignal): Promise<Job> {
  let current = job;
  for (;;) {
    onProgress(current.progress, current.step);
    if (TERMINAL.includes(current.state)) break;
    if (signal?.aborted) {
      await api.json('POST', `/api/jobs/${current.id}/cancel`).catch(() => {});
      throw new CliError(`interrupted; job ${current.id} was cancelled`, EXIT.interrupted);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    current = await api.json<Job>('GET', `/api/jobs/${current.id}`);
  }
  if (current.state === 'failed') throw new CliError(`${current.name} failed: ${current.error ?? 'no reason given'}`, EXIT.failed, { jobId: current.id });
  if (current.state === 'cancelled') throw new CliError(`${current.name} was cancelled`, EXIT.failed, { jobId: current.id });
  return current;
}

/** The pipeline through a running server's API: the server's workers do the work. */
export function openHttpBackend(options: ApiClientOptions & { signal: AbortSignal }): Backend & { api: ApiClient } {
  const api = new ApiClient(options);
  const run = async (path: string, body: unknown, onProgress: JobProgress) => followJob(api, await api.json<Job>('POST', path, body), onProgress, options.signal);
  return {
    api,
    importSource: (body) => api.json('POST', '/api/sources/import', body),
    analyse: (input) => api.json('POST', '/api/analysis', input),
    createProject: (title) => api.json('POST', '/api/projects', { title }),
    listProjects: () => api.json('GET', '/api/projects'),
    applySource: async (projectId, body) => void (await api.json('POST', `${project(projectId)}/source`, body)),
    importArticlePictures: (projectId) => api.json('POST', `${project(projectId)}/storyboard/article-pictures`, {}),
    fillWithStock: (projectId) => api.json('POST', `${project(projectId)}/storyboard/stock-fill`, {}),
    steps: (projectId) => api.json('GET', `${project(projectId)}/steps`),
    mergeStep: (projectId, stepNumber, patch) => api.json('PATCH', `${project(projectId)}/steps/${stepNumber}`, patch),
    skipStep: async (projectId, stepNumber, reason) => void (await api.json('POST', `${project(projectId)}/steps/${stepNumber}/skip`, { reason })),
    changeStage: async (projectId, stage) => void (await api.json('PATCH', `${project(projectId)}/stage`, { stage })),
    saveFinalScript: async (projectId, body) => void (await api.json('PUT', `${project(projectId)}/script/final`, body)),
    voices: (language) => api.json('GET', `/api/voices?language=${encodeURIComponent(language)}`),
    generateScript: async (projectId, onProgress) => void (await run(`${project(projectId)}/script/generate`, {}, onProgress)),
    narrate: async (projectId, onProgress) => void (await run(`${project(projectId)}/voice/narration`, {}, onProgress)),
    render: (projectId, body, onProgress) => run(`${project(projectId)}/render`, body ?? {}, onProgress),
    makeVideo: (projectId, body, onProgress) => run(`${project(projectId)}/make`, body ?? {}, onProgress),
    renderState: (projectId) => api.json('GET', `${project(projectId)}/render`),
    job: (jobId) => api.json('GET', `/api/jobs/${encodeURIComponent(jobId)}`),
    uploadMusic: (projectId, path) => api.upload(`${project(projectId)}/assets?kind=music`, path),
    download: (asset, path) => api.download(asset.url, path),
    close: async () => {},
  };
}
