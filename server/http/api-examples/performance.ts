import { LATER, PROJECT_ID, noContent, type ApiExamples } from './shared.ts';

const PUBLICATION_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const READING_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6e';
const METRO_PROJECT_ID = '2a7e5c94-0b3d-4f61-8e2a-6c9d1b4f7e30';
const SHORTS_URL = 'https://www.youtube.com/shorts/Xk3vB9qLm2A';

const reading = {
  id: READING_ID,
  publicationId: PUBLICATION_ID,
  readAt: '2026-05-16T09:00:00.000Z',
  source: 'manual',
  views: 18400,
  likes: 1210,
  comments: 87,
  shares: 64,
  avgWatchSec: 8.9,
  watchRatio: 0.77,
};
const publication = {
  id: PUBLICATION_ID,
  projectId: PROJECT_ID,
  platform: 'youtube',
  url: SHORTS_URL,
  publishedAt: '2026-05-14',
  refreshStatus: 'none',
  refreshError: null,
  refreshedAt: null,
  readings: [reading],
};
const advice = {
  videos: 7,
  trends: [
    { dimension: 'format', value: 'news', videos: 4, medianRatio: 1.6, enough: true },
    { dimension: 'hookStyle', value: 'question', videos: 3, medianRatio: 0.7, enough: true },
    { dimension: 'length', value: 'under-20', videos: 2, medianRatio: 1.4, enough: false },
  ],
  misses: [{ projectId: METRO_PROJECT_ID, title: 'В Казани открыли вторую линию метро', score: 58, ratio: 3.1, direction: 'under' }],
  suggestions: [
    { kind: 'repeat', dimension: 'format', value: 'news', ratio: 1.6, videos: 4 },
    { kind: 'avoid', dimension: 'hookStyle', value: 'question', ratio: 0.7, videos: 3 },
    { kind: 'try', dimension: 'length', value: 'under-20', ratio: 1.4, videos: 2 },
  ],
  prose: null,
};

/** Stage 8: publications, their numbers, and advice from the author's history. */
export const performanceExamples: ApiExamples = {
  'GET /api/projects/:id/performance': {
    request: { params: { id: PROJECT_ID } },
    response: {
      status: 200,
      body: {
        prediction: {
          score: 72,
          breakdown: { hook: 70, news: 85, emotion: 55, clarity: 80, audience: 68 },
          format: 'news',
          durationSec: 11.6,
          hookStyle: 'statement',
          voice: 'espeak',
          musicMood: 'upbeat',
          topic: 'news',
          renderedAt: LATER,
        },
        publications: [publication],
        actuals: [{ publicationId: PUBLICATION_ID, platform: 'youtube', metric: 'views', value: 18400, baseline: 8000, ratio: 2.3, videosInBaseline: 7 }],
        advice,
      },
    },
  },
  'POST /api/projects/:id/publications': {
    request: { params: { id: PROJECT_ID }, body: { platform: 'youtube', url: SHORTS_URL, publishedAt: '2026-05-14' } },
    response: { status: 201, body: { ...publication, readings: [] } },
  },
  'DELETE /api/publications/:publicationId': { request: { params: { publicationId: PUBLICATION_ID } }, response: noContent },
  'POST /api/publications/:publicationId/readings': {
    request: { params: { publicationId: PUBLICATION_ID }, body: { readAt: '2026-05-16T09:00:00Z', views: 18400, likes: 1210, comments: 87, shares: 64, avgWatchSec: 8.9, watchRatio: 0.77 } },
    response: { status: 201, body: publication },
  },
  'POST /api/publications/:publicationId/readings/csv': {
    request: { params: { publicationId: PUBLICATION_ID }, body: { csv: 'read_at,views,likes,comments,shares\n2026-05-15T09:00:00Z,5120,344,28,17\n2026-05-16T09:00:00Z,18400,1210,87,64\n' } },
    response: {
      status: 201,
      body: {
        imported: 2,
        publication: {
          ...publication,
          readings: [
            { id: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', publicationId: PUBLICATION_ID, readAt: '2026-05-15T09:00:00.000Z', source: 'csv', views: 5120, likes: 344, comments: 28, shares: 17 },
            { id: READING_ID, publicationId: PUBLICATION_ID, readAt: '2026-05-16T09:00:00.000Z', source: 'csv', views: 18400, likes: 1210, comments: 87, shares: 64 },
          ],
        },
      },
    },
  },
  'DELETE /api/publications/:publicationId/readings/:readingId': { request: { params: { publicationId: PUBLICATION_ID, readingId: READING_ID } }, response: noContent },
  'POST /api/publications/:publicationId/refresh': {
    request: { params: { publicationId: PUBLICATION_ID } },
    response: {
      status: 200,
      body: {
        ...publication,
        refreshStatus: 'ok',
        refreshedAt: '2026-05-17T09:00:04.000Z',
        readings: [reading, { id: '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f', publicationId: PUBLICATION_ID, readAt: '2026-05-17T09:00:04.000Z', source: 'youtube', views: 26950, likes: 1688, comments: 112 }],
      },
    },
  },
  'GET /api/performance': {
    response: {
      status: 200,
      body: {
        videos: [
          { projectId: METRO_PROJECT_ID, title: 'В Казани открыли вторую линию метро', platform: 'vk', publishedAt: '2026-04-28', score: 58, value: 41200, ratio: 3.1 },
          { projectId: PROJECT_ID, title: 'Eastbrook gets its tram line back', platform: 'youtube', publishedAt: '2026-05-14', score: 72, value: 18400, ratio: 2.3 },
        ],
        advice,
      },
    },
  },
  'POST /api/performance/summary': {
    request: { body: { language: 'ru' } },
    response: {
      status: 200,
      body: {
        ...advice,
        prose:
          'Новости у вас работают лучше всего: четыре ролика набрали в среднем в 1,6 раза больше обычного. Зачины с вопросом, наоборот, проседают (0,7 от обычного в трёх роликах) — начинайте с факта. Ролики короче 20 секунд пока выглядят многообещающе, но их всего два: попробуйте ещё.',
      },
    },
  },
};
