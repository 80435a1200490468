import { ERROR_CODES, type ErrorCode } from '../../contracts/errors.ts';
import type { Job } from '../../contracts/jobs.ts';
import { AppError } from '../../server/http/errors.ts';
import type { McpOperations } from '../../server/modules/mcp/mcp-operations.ts';
import { ApiError, type ApiClient } from '../api-client.ts';
import type { Backend } from '../backend.ts';

const project = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

/** A refusal of the server as the API's own error, so the tool error carries its code and message unchanged. */
function asAppError(error: unknown): never {
  if (error instanceof ApiError) {
    const code = (ERROR_CODES as readonly string[]).includes(error.code) ? (error.code as ErrorCode) : 'INTERNAL';
    throw new AppError(code, error.apiMessage, error.details);
  }
  throw error;
}

/** Every operation with the server's refusals turned into AppErrors. */
function withApiErrors(ops: McpOperations): McpOperations {
  return Object.fromEntries(
    Object.entries(ops).map(([name, operation]) => [name, (...args: unknown[]) => (operation as (...a: unknown[]) => Promise<unknown>)(...args).catch(asAppError)]),
  ) as unknown as McpOperations;
}

/** The MCP tools' operations through a running server's REST API (`reelforge mcp --server`), on the CLI's HTTP backend. */
export function httpMcpOperations(backend: Backend & { api: ApiClient }): McpOperations {
  const { api } = backend;
  return withApiErrors({
    importSource: (body) => backend.importSource(body),
    analyse: (input) => backend.analyse(input),
    createProject: (title) => api.json('POST', '/api/projects', title === undefined ? {} : { title }),
    applySource: (projectId, body) => backend.applySource(projectId, body),
    importArticlePictures: async (projectId) => void (await backend.importArticlePictures(projectId)),
    startMake: (projectId, body) => api.json<Job>('POST', `${project(projectId)}/make`, body ?? {}),
    job: (jobId) => backend.job(jobId),
    listProjects: ({ status, deleted, q, limit }) => {
      const query = new URLSearchParams({ ...(status ? { status } : {}), ...(deleted ? { deleted: 'true' } : {}), ...(q ? { q } : {}), ...(limit ? { limit: String(limit) } : {}) });
      return api.json('GET', `/api/projects${query.size ? `?${query}` : ''}`);
    },
    steps: (projectId) => backend.steps(projectId),
    startRender: (projectId, body) => api.json<Job>('POST', `${project(projectId)}/render`, body ?? {}),
    renderState: (projectId) => backend.renderState(projectId),
    voices: (language) => api.json('GET', `/api/voices${language ? `?language=${encodeURIComponent(language)}` : ''}`),
    fileUrl: async (asset) => new URL(`${asset.url}?download=1`, api.base).toString(),
  });
}
