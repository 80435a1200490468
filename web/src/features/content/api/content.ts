import type { AnalysisResult } from '../../../../../contracts/analysis.ts';
import type { Job } from '../../../../../contracts/jobs.ts';
import type { WriterKind } from '../../../../../contracts/writer.ts';
import type { Step } from '../../../lib/domain.ts';
import { http } from '../../../lib/http.ts';

export type { AnalysisResult };

export interface WriterChoice {
  kind: WriterKind;
  source: 'user' | 'server';
  model: string | null;
  baseUrl: string | null;
}

const projectPath = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

/** Analyses the stage-2 text (saving the text sent with it): step 2 at once (offline), or a job (an LLM). */
export const analyseContent = (projectId: string, body: { text?: string; title?: string; baseVersion?: number }) =>
  http.post<{ step: Step } | { job: Job }>(`${projectPath(projectId)}/analysis`, body);

export const getStep = (projectId: string, stepNumber: number) => http.get<Step>(`${projectPath(projectId)}/steps/${stepNumber}`);

export const getWriter = (signal?: AbortSignal) => http.get<WriterChoice>('/api/writer', signal);

export const startScript = (projectId: string) => http.post<Job>(`${projectPath(projectId)}/script/generate`, {});
