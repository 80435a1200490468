import { z } from 'zod';
import { batchSchema, createBatchBodySchema } from '../../../contracts/batch.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { BatchService } from './batch.service.ts';

const batchParams = z.object({ batchId: z.uuid({ message: 'must be a batch id (UUID)' }) });

export function registerBatchRoutes(router: ApiRouter, batches: BatchService) {
  router.add({
    method: 'POST',
    url: '/api/batches',
    summary:
      'Batch production: a project from each news item or library script (and, with makeVideo, its video by the fast path), made one after another by a batch.run job',
    tags: ['batch'],
    body: createBatchBodySchema,
    response: batchSchema,
    status: 201,
    errors: [404],
    handler: ({ user, body }) => batches.create(user, body),
  });

  router.add({
    method: 'GET',
    url: '/api/batches/:batchId',
    summary: "A batch with each item's state: waiting, making (with the video's progress), done or failed (with why)",
    tags: ['batch'],
    params: batchParams,
    response: batchSchema,
    errors: [404],
    handler: ({ user, params }) => batches.get(user, params.batchId),
  });
}
