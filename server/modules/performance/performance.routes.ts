import { z } from 'zod';
import {
  addReadingBodySchema,
  adviceSchema,
  dashboardSchema,
  importCsvBodySchema,
  projectPerformanceSchema,
  publicationBodySchema,
  publicationSchema,
} from '../../../contracts/performance.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { PerformanceService } from './performance.service.ts';

const projectParams = z.object({ id: z.uuid() });
const publicationParams = z.object({ publicationId: z.uuid() });
const tags = ['performance'];

export function registerPerformanceRoutes(router: ApiRouter, performance: PerformanceService) {
  router.add({
    method: 'GET',
    url: '/api/projects/:id/performance',
    summary: "Stage 8: the video's publications with their metric series, its prediction, actual against the author's usual, and advice",
    tags,
    params: projectParams,
    response: projectPerformanceSchema,
    handler: ({ user, params }) => performance.forProject(user, params.id),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/publications',
    summary: 'Record where and when the video was published',
    tags,
    params: projectParams,
    body: publicationBodySchema,
    response: publicationSchema,
    status: 201,
    errors: [409],
    handler: ({ user, params, body }) => performance.addPublication(user, params.id, body),
  });

  router.add({
    method: 'DELETE',
    url: '/api/publications/:publicationId',
    summary: 'Forget a publication and its readings',
    tags,
    params: publicationParams,
    status: 204,
    handler: ({ user, params }) => performance.removePublication(user, params.publicationId),
  });

  router.add({
    method: 'POST',
    url: '/api/publications/:publicationId/readings',
    summary: 'Add one reading of the numbers, entered by hand (readAt defaults to now)',
    tags,
    params: publicationParams,
    body: addReadingBodySchema,
    response: publicationSchema,
    status: 201,
    handler: ({ user, params, body }) => performance.addReading(user, params.publicationId, body),
  });

  router.add({
    method: 'POST',
    url: '/api/publications/:publicationId/readings/csv',
    summary: 'Import readings from a CSV export (read_at plus metric columns): every line, or none with the bad line named',
    tags,
    params: publicationParams,
    body: importCsvBodySchema,
    response: z.object({ imported: z.number().int(), publication: publicationSchema }),
    status: 201,
    handler: ({ user, params, body }) => performance.importCsv(user, params.publicationId, body.csv),
  });

  router.add({
    method: 'DELETE',
    url: '/api/publications/:publicationId/readings/:readingId',
    summary: 'Remove one reading',
    tags,
    params: publicationParams.extend({ readingId: z.uuid() }),
    status: 204,
    handler: ({ user, params }) => performance.removeReading(user, params.publicationId, params.readingId),
  });

  router.add({
    method: 'POST',
    url: '/api/publications/:publicationId/refresh',
    summary: 'Read the numbers from YouTube or Instagram now (with your key or token, or the server’s)',
    tags,
    params: publicationParams,
    response: publicationSchema,
    handler: ({ user, params }) => performance.refreshNow(user, params.publicationId),
  });

  router.add({
    method: 'GET',
    url: '/api/performance',
    summary: 'Every published video against the author’s usual, and advice from their history',
    tags,
    response: dashboardSchema,
    handler: ({ user }) => performance.dashboard(user),
  });

  router.add({
    method: 'POST',
    url: '/api/performance/summary',
    summary: 'The same advice summarised in prose by the configured LLM',
    tags,
    body: z.object({ language: z.enum(['en', 'ru']) }),
    response: adviceSchema,
    errors: [409, 502],
    handler: ({ user, body }) => performance.summary(user, body.language),
  });
}
