import type { Draft, FactoryRules, FactoryRun, FactorySettings, RejectCategory } from '../../../../../contracts/factory.ts';
import type { Job } from '../../../../../contracts/jobs.ts';
import { http, request } from '../../../lib/http.ts';

export type { Draft, FactoryRules, FactoryRun, FactorySettings, Job, RejectCategory };
export type LearnedPatch = Partial<Pick<FactorySettings['learned'], 'minScoreDelta' | 'avoidedTopics' | 'formatVotes' | 'lengthFactor'>>;
export interface ApproveResult {
  draft: Draft;
  projectId: string;
  jobId: string | null;
}

const draftUrl = (id: string, action = '') => `/api/factory/drafts/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
const ruleUrl = (id: string) => `/api/factory/profile/${encodeURIComponent(id)}`;

export const getSettings = (signal?: AbortSignal) => http.get<FactorySettings>('/api/factory/settings', signal);
export const saveRules = (rules: FactoryRules) => request<FactorySettings>('PUT', '/api/factory/rules', { body: rules });
export const patchLearned = (patch: LearnedPatch) => request<FactorySettings>('PATCH', '/api/factory/learned', { body: patch });
export const addRule = (text: string) => http.post<FactorySettings>('/api/factory/profile', { text });
export const editRule = (id: string, text: string) => request<FactorySettings>('PATCH', ruleUrl(id), { body: { text } });
export const deleteRule = (id: string) => request<FactorySettings>('DELETE', ruleUrl(id));

export const runNow = () => http.post<Job>('/api/factory/run');
export const getJob = (id: string, signal?: AbortSignal) => http.get<Job>(`/api/jobs/${encodeURIComponent(id)}`, signal);
export const listRuns = (signal?: AbortSignal) => http.get<FactoryRun[]>('/api/factory/runs', signal);
export const listDrafts = (signal?: AbortSignal) => http.get<Draft[]>('/api/factory/drafts?status=pending', signal);

export const approveDraft = (id: string, body: { mode: 'project' | 'video'; scenes?: { id: string; text: string }[] }) => http.post<ApproveResult>(draftUrl(id, 'approve'), body);
export const reviseDraft = (id: string, body: { notes: string; sceneIds?: string[] }) => http.post<Draft>(draftUrl(id, 'revise'), body);
export const rejectDraft = (id: string, body: { category: RejectCategory; reason?: string }) => http.post<Draft>(draftUrl(id, 'reject'), body);

export const listFeeds = (signal?: AbortSignal) => http.get<Array<{ id: string; title: string | null; url: string }>>('/api/feeds', signal);
