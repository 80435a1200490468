import type { Job } from '../../../../../contracts/jobs.ts';
import type { ScriptVersion } from '../../../../../contracts/script-workflow.ts';
import type { Step } from '../../../lib/domain.ts';
import { http, request } from '../../../lib/http.ts';
import type { Choices } from '../script-state.ts';

export type { Job, ScriptVersion };

const projectPath = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

export const generateScript = (projectId: string, body: { sceneId?: string; replace?: boolean }) =>
  http.post<Job>(`${projectPath(projectId)}/script/generate`, body);

/** `baseVersion`: the step-3 version the choices were made on; 412 if it moved on. */
export const saveFinalScript = (projectId: string, choices: Choices, complete: boolean, baseVersion: number) =>
  request<Step>('PUT', `${projectPath(projectId)}/script/final`, { body: { choices, complete, baseVersion } });

export const listScriptVersions = (projectId: string, signal?: AbortSignal) => http.get<ScriptVersion[]>(`${projectPath(projectId)}/script/versions`, signal);

export const revertScript = (projectId: string, version: number) => http.post<Step>(`${projectPath(projectId)}/script/versions/${version}/revert`);

export const listProjectJobs = (projectId: string, signal?: AbortSignal) => http.get<Job[]>(`${projectPath(projectId)}/jobs`, signal);
