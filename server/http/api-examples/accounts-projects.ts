import { ASSET_ID, AT, JOB_ID, LATER, PROJECT_ID, USER_ID, asset, job, noContent, project, step, type ApiExamples } from './shared.ts';

const user = { id: USER_ID, email: 'ada@example.com', name: 'Ada', language: 'en', createdAt: AT };
const token = { id: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9', name: 'Publishing script', prefix: 'rf_pat_Q2x9Lm', createdAt: AT, lastUsedAt: null };
const sourceStep = step(1, { sourceType: 'url', url: 'https://news.example.com/eastbrook-tram', format: 'news', language: 'en', targetDurationSec: 45 }, 2);

/** Accounts, projects, steps, jobs, files and provider settings. */
export const accountAndProjectExamples: ApiExamples = {
  'POST /api/auth/register': {
    request: { body: { email: 'ada@example.com', password: 'analytical engine', name: 'Ada' } },
    response: { status: 202, body: { status: 'accepted', message: 'If no account used this email, it has been created: sign in with this email and password.' } },
  },
  'POST /api/auth/login': { request: { body: { email: 'ada@example.com', password: 'analytical engine' } }, response: { status: 200, body: user } },
  'POST /api/auth/logout': { response: noContent },
  'GET /api/auth/me': { response: { status: 200, body: user } },
  'PATCH /api/auth/me': { request: { body: { language: 'ru' } }, response: { status: 200, body: { ...user, language: 'ru' } } },
  'POST /api/auth/tokens': { request: { body: { name: 'Publishing script' } }, response: { status: 201, body: { ...token, token: 'rf_pat_Q2x9Lm4vT8sYw1bKc7nR0aZ5eH3uJ6pD' } } },
  'GET /api/auth/tokens': { response: { status: 200, body: [token] } },
  'DELETE /api/auth/tokens/:tokenId': { request: { params: { tokenId: token.id } }, response: noContent },

  'POST /api/projects': {
    request: { body: { title: 'Eastbrook gets its tram line back' }, headers: { 'Idempotency-Key': '9f3c2a1b-7d6e-4f5a-8b9c-0d1e2f3a4b5c' } },
    response: { status: 201, body: { ...project, status: 'draft', currentStage: 1, maxStage: 1, summary: null, updatedAt: AT } },
  },
  'GET /api/projects': { request: { query: { status: 'in_progress', q: 'tram', limit: '20' } }, response: { status: 200, body: [project] } },
  'GET /api/projects/cards': {
    request: { query: { limit: '20' } },
    response: {
      status: 200,
      body: [
        { ...project, status: 'rendered', currentStage: 7, maxStage: 7, stagesDone: 6, stageCount: 8, work: 'ready', thumbnailUrl: `/api/assets/${ASSET_ID}/content` },
        {
          ...project,
          id: '2a7e5c94-0b3d-4f61-8e2a-6c9d1b4f7e30',
          title: 'В Казани открыли вторую линию метро',
          summary: 'Статья: В Казани открыли вторую линию метро',
          currentStage: 4,
          maxStage: 4,
          stagesDone: 3,
          stageCount: 8,
          work: null,
          thumbnailUrl: null,
        },
      ],
    },
  },
  'GET /api/projects/:id': { request: { params: { id: PROJECT_ID } }, response: { status: 200, body: project } },
  'PATCH /api/projects/:id': {
    request: { params: { id: PROJECT_ID }, body: { title: 'Trams are back in Eastbrook' } },
    response: { status: 200, body: { ...project, title: 'Trams are back in Eastbrook' } },
  },
  'DELETE /api/projects/:id': { request: { params: { id: PROJECT_ID } }, response: noContent },
  'POST /api/projects/:id/restore': { request: { params: { id: PROJECT_ID } }, response: { status: 200, body: project } },
  'PATCH /api/projects/:id/stage': { request: { params: { id: PROJECT_ID }, body: { stage: 2 } }, response: { status: 200, body: { ...project, currentStage: 2 } } },

  'GET /api/projects/:id/steps': { request: { params: { id: PROJECT_ID } }, response: { status: 200, body: [sourceStep] } },
  'POST /api/projects/:id/steps': {
    request: { params: { id: PROJECT_ID }, body: { stepNumber: 1, data: sourceStep.data, baseVersion: 1 } },
    response: { status: 200, body: sourceStep },
  },
  'GET /api/projects/:id/steps/events': {
    request: { params: { id: PROJECT_ID } },
    response: { status: 200, contentType: 'text/event-stream', text: 'id: 1\nevent: step\ndata: {"stepNumber":3,"version":4}\n\n' },
  },
  'GET /api/projects/:id/steps/:stepNumber': { request: { params: { id: PROJECT_ID, stepNumber: '1' } }, response: { status: 200, body: sourceStep } },
  'PATCH /api/projects/:id/steps/:stepNumber': {
    request: { params: { id: PROJECT_ID, stepNumber: '1' }, body: { data: { targetDurationSec: 60 }, baseVersion: 2 } },
    response: { status: 200, body: { ...sourceStep, data: { ...sourceStep.data, targetDurationSec: 60 }, version: 3 } },
  },
  'POST /api/projects/:id/steps/:stepNumber/skip': {
    request: { params: { id: PROJECT_ID, stepNumber: '5' }, body: { reason: 'No talking head for this one' } },
    response: { status: 200, body: { ...step(5, {}), completedAt: LATER, skipReason: 'No talking head for this one' } },
  },

  'GET /api/jobs/:jobId': { request: { params: { jobId: JOB_ID } }, response: { status: 200, body: job('render.video', 'running', { progress: 0.42, step: 'encoding' }) } },
  'POST /api/jobs/:jobId/cancel': { request: { params: { jobId: JOB_ID } }, response: { status: 200, body: job('render.video', 'cancelled', { finishedAt: LATER }) } },
  'GET /api/projects/:id/jobs': { request: { params: { id: PROJECT_ID } }, response: { status: 200, body: [job('script.generate', 'succeeded')] } },
  'GET /api/jobs/:jobId/events': {
    request: { params: { jobId: JOB_ID } },
    response: { status: 200, contentType: 'text/event-stream', text: 'event: job\ndata: {"state":"running","progress":0.42,"step":"encoding"}\n\n' },
  },

  'POST /api/projects/:id/assets': {
    request: { params: { id: PROJECT_ID }, query: { kind: 'image' }, headers: { 'Content-Type': 'multipart/form-data (one part "file": harbour.jpg)' } },
    response: { status: 201, body: asset('image', 'image/jpeg', 'harbour.jpg', 482113, { width: 1600, height: 1067 }) },
  },
  'GET /api/projects/:id/assets': {
    request: { params: { id: PROJECT_ID }, query: { kind: 'image' } },
    response: { status: 200, body: [asset('image', 'image/jpeg', 'harbour.jpg', 482113, { width: 1600, height: 1067 })] },
  },
  'GET /api/assets/:assetId': { request: { params: { assetId: ASSET_ID } }, response: { status: 200, body: asset('render', 'video/mp4', null, 3811204, { durationSec: 45.8 }) } },
  'DELETE /api/assets/:assetId': { request: { params: { assetId: ASSET_ID } }, response: noContent },
  'GET /api/assets/:assetId/content': {
    request: { params: { assetId: ASSET_ID }, query: { download: '1', filename: 'eastbrook-tram.mp4' }, headers: { Range: 'bytes=0-1023' } },
    response: { status: 200, contentType: 'video/mp4', text: '(the file; 206 with Content-Range for a range request)' },
  },

  'GET /api/providers': {
    response: {
      status: 200,
      body: [{ provider: 'pexels', kind: 'stock', label: 'Pexels stock photos and videos', hasKey: true, serverConfigured: false, settings: {} }],
    },
  },
  'PUT /api/providers/:provider': {
    request: { params: { provider: 'openai' }, body: { apiKey: 'sk-your-key', settings: { baseUrl: 'http://localhost:11434/v1', model: 'llama3.1', enabled: true } } },
    response: {
      status: 200,
      body: {
        provider: 'openai',
        kind: 'writer',
        label: 'OpenAI-compatible chat (OpenAI, Ollama, vLLM, LM Studio)',
        hasKey: true,
        serverConfigured: false,
        settings: { baseUrl: 'http://localhost:11434/v1', model: 'llama3.1', enabled: true },
      },
    },
  },
  'DELETE /api/providers/:provider': { request: { params: { provider: 'openai' } }, response: noContent },
  'GET /api/writer': { response: { status: 200, body: { kind: 'openai', source: 'user', model: 'llama3.1', baseUrl: 'http://localhost:11434/v1' } } },
  'GET /api/health': { response: { status: 200, body: { status: 'ok', database: 'postgres' } } },
};
