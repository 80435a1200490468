import { AT, ITEM_ID, JOB_ID, LATER, PROJECT_ID, job, noContent, project, type ApiExamples } from './shared.ts';

const ENTRY_ID = '6e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';
const TRAM_ENTRY_ID = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e';
const BATCH_ID = 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01';
const METRO_URL = 'https://kazan.example.ru/news/2026/05/metro-vtoraya-liniya';

const firstScript = {
  language: 'ru',
  format: 'news',
  scenes: [
    { role: 'hook', text: 'В Казани открыли вторую линию метро.' },
    { role: 'body', text: 'Пять станций соединили Дербышки с центром: дорога занимает 18 минут вместо сорока.' },
    { role: 'cta', text: 'Поедете на новой линии? Пишите в комментариях.' },
  ],
};
const script = { ...firstScript, scenes: [{ role: 'hook', text: 'Из Дербышек до центра теперь 18 минут.' }, ...firstScript.scenes.slice(1)] };
const source = { kind: 'project', projectId: PROJECT_ID, url: METRO_URL, title: 'В Казани открыли вторую линию метро' };
const firstVersion = { version: 1, script: firstScript, source, totalWords: 25, createdAt: AT };
const latest = { version: 2, script, source: { kind: 'manual' }, totalWords: 26, createdAt: LATER };
const entry = { id: ENTRY_ID, title: 'Вторая линия метро в Казани', tags: ['метро', 'казань'], projectId: PROJECT_ID, latestVersion: 2, latest, createdAt: AT, updatedAt: LATER };
const summary = <V extends { script: { scenes: { text: string }[] } }>({ script: versionScript, ...version }: V) => ({
  ...version,
  sceneCount: versionScript.scenes.length,
  preview: versionScript.scenes.map((scene) => scene.text).join(' ').slice(0, 160),
});
const tramScript = {
  language: 'en',
  format: 'hook-story',
  scenes: [
    { role: 'hook', text: 'Forty years later, Eastbrook is getting its trams back.' },
    { role: 'body', text: 'Six kilometres of track will link the station and the harbour from September.' },
    { role: 'cta', text: 'Would you ride it? Tell us below.' },
  ],
};
const tramEntry = {
  id: TRAM_ENTRY_ID,
  title: 'Eastbrook gets its tram line back',
  tags: ['transport'],
  projectId: null,
  latestVersion: 1,
  latest: { version: 1, script: tramScript, source: { kind: 'factory', draftId: '4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d', url: 'https://news.example.com/eastbrook-tram' }, totalWords: 29, createdAt: AT },
  createdAt: AT,
  updatedAt: AT,
};
const batchItem = (position: number, kind: 'news' | 'library', label: string) => ({ position, kind, label, state: 'waiting', progress: 0, step: null, projectId: null, makeJobId: null, error: null });

/** The script library (saved scripts, their versions, production from them) and batch production. */
export const libraryAndBatchExamples: ApiExamples = {
  'GET /api/library': { request: { query: { q: 'метро', tag: 'казань', limit: '50' } }, response: { status: 200, body: [entry] } },
  'POST /api/library': {
    request: { body: { title: tramEntry.title, script: tramScript, tags: ['transport'] } },
    response: { status: 201, body: { ...tramEntry, latest: { ...tramEntry.latest, source: { kind: 'manual' } } } },
  },
  'GET /api/library/:entryId': { request: { params: { entryId: ENTRY_ID } }, response: { status: 200, body: { ...entry, versions: [summary(latest), summary(firstVersion)] } } },
  'PATCH /api/library/:entryId': {
    request: { params: { entryId: ENTRY_ID }, body: { title: 'Метро: вторая линия', tags: ['метро', 'казань', 'транспорт'] } },
    response: { status: 200, body: { ...entry, title: 'Метро: вторая линия', tags: ['метро', 'казань', 'транспорт'] } },
  },
  'DELETE /api/library/:entryId': { request: { params: { entryId: ENTRY_ID } }, response: noContent },
  'POST /api/library/:entryId/versions': { request: { params: { entryId: ENTRY_ID }, body: { script } }, response: { status: 201, body: entry } },
  'GET /api/library/:entryId/versions/:version': { request: { params: { entryId: ENTRY_ID, version: '1' } }, response: { status: 200, body: firstVersion } },
  'GET /api/library/:entryId/compare': {
    request: { params: { entryId: ENTRY_ID }, query: { from: '1', to: '2' } },
    response: {
      status: 200,
      body: {
        from: 1,
        to: 2,
        scenes: [
          { index: 0, change: 'changed', before: firstScript.scenes[0]!.text, after: script.scenes[0]!.text },
          { index: 1, change: 'same', before: script.scenes[1]!.text, after: script.scenes[1]!.text },
          { index: 2, change: 'same', before: script.scenes[2]!.text, after: script.scenes[2]!.text },
        ],
      },
    },
  },
  'POST /api/library/:entryId/produce': {
    request: { params: { entryId: ENTRY_ID }, body: { version: 2, targetDurationSec: 20, makeVideo: true, aspect: '9:16', quality: 'standard' } },
    response: {
      status: 201,
      body: {
        project: { ...project, title: entry.title, currentStage: 4, maxStage: 4, summary: null, updatedAt: AT },
        makeJob: job('video.make'),
      },
    },
  },
  'POST /api/projects/:id/library': {
    request: { params: { id: PROJECT_ID }, body: { title: 'Вторая линия метро в Казани', tags: ['метро', 'казань'] } },
    response: { status: 201, body: { ...entry, latestVersion: 1, latest: firstVersion, updatedAt: AT } },
  },
  'GET /api/projects/:id/library': { request: { params: { id: PROJECT_ID } }, response: { status: 200, body: { entry } } },

  'POST /api/batches': {
    request: {
      body: {
        items: [
          { kind: 'news', newsItemId: ITEM_ID },
          { kind: 'library', entryId: ENTRY_ID, version: 2 },
        ],
        makeVideo: true,
        format: 'news',
        language: 'en',
        targetDurationSec: 20,
        aspect: '9:16',
        quality: 'standard',
      },
    },
    response: {
      status: 201,
      body: {
        id: BATCH_ID,
        makeVideo: true,
        finished: false,
        counts: { waiting: 2, making: 0, done: 0, failed: 0 },
        items: [batchItem(0, 'news', 'Eastbrook gets its tram line back'), batchItem(1, 'library', 'Вторая линия метро в Казани (v2)')],
        createdAt: AT,
      },
    },
  },
  'GET /api/batches/:batchId': {
    request: { params: { batchId: BATCH_ID } },
    response: {
      status: 200,
      body: {
        id: BATCH_ID,
        makeVideo: true,
        finished: false,
        counts: { waiting: 0, making: 1, done: 1, failed: 0 },
        items: [
          { ...batchItem(0, 'news', 'Eastbrook gets its tram line back'), state: 'done', progress: 1, projectId: PROJECT_ID, makeJobId: '8d3e0f51-2a4c-4b97-81e3-6f0a9b8d7c32' },
          { ...batchItem(1, 'library', 'Вторая линия метро в Казани (v2)'), state: 'making', progress: 0.64, step: 'render: encoding', projectId: '2a7e5c94-0b3d-4f61-8e2a-6c9d1b4f7e30', makeJobId: JOB_ID },
        ],
        createdAt: AT,
      },
    },
  },
};
