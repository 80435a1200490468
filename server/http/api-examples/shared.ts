/** One documented call of a route: what a client sends and what it gets back. */
export interface ApiExample {
  request?: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; headers?: Record<string, string> };
  response: { status: number; body?: unknown; contentType?: string; text?: string };
}

export type ApiExamples = Record<string, ApiExample>;

export const USER_ID = '5f0c6a57-2b1e-4c59-9a43-7d1a2f0e8b11';
export const PROJECT_ID = '0b6f3c1e-8d2a-4f7b-9c55-31e2a4d6f801';
export const JOB_ID = '7c2d9e40-1f3b-4a86-b0d2-5e9f8a7c6b21';
export const ASSET_ID = 'c41e8f02-6a7d-4b39-8e15-9d2c0b7a5f63';
export const FEED_ID = 'e8a1d3f4-5b6c-4d7e-8f90-a1b2c3d4e5f6';
export const ITEM_ID = '3d4e5f60-7182-4a3b-9c4d-5e6f708192a3';
export const AT = '2026-05-14T09:30:00.000Z';
export const LATER = '2026-05-14T09:31:12.000Z';

export const project = {
  id: PROJECT_ID,
  title: 'Eastbrook gets its tram line back',
  status: 'in_progress',
  currentStage: 3,
  maxStage: 3,
  summary: 'Article: Eastbrook gets its tram line back',
  createdAt: AT,
  updatedAt: LATER,
  deletedAt: null,
  purgeAt: null,
};

export const step = (stepNumber: number, data: Record<string, unknown>, version = 1) => ({
  id: 'a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d',
  projectId: PROJECT_ID,
  stepNumber,
  data,
  completedAt: null,
  skipReason: null,
  version,
  derivedFrom: stepNumber > 1 ? { [String(stepNumber - 1)]: 2 } : {},
  stale: false,
  staleSources: [],
  createdAt: AT,
  updatedAt: LATER,
});

export const job = (name: string, state = 'queued', extra: Record<string, unknown> = {}) => ({
  id: JOB_ID,
  name,
  projectId: PROJECT_ID,
  state,
  progress: state === 'succeeded' ? 1 : 0,
  step: null,
  error: null,
  result: null,
  attempts: state === 'queued' ? 0 : 1,
  createdAt: AT,
  startedAt: state === 'queued' ? null : AT,
  finishedAt: state === 'succeeded' ? LATER : null,
  updatedAt: LATER,
  ...extra,
});

export const asset = (kind: string, mime: string, originalName: string | null, sizeBytes: number, meta: Record<string, unknown> = {}) => ({
  id: ASSET_ID,
  projectId: PROJECT_ID,
  kind,
  mime,
  sizeBytes,
  originalName,
  meta,
  url: `/api/assets/${ASSET_ID}/content`,
  createdAt: AT,
});

export const noContent = { status: 204 } as const;
