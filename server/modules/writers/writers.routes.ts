import { z } from 'zod';
import { WRITERS } from '../../../contracts/script.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { WritersService } from './writers.service.ts';

const writerChoiceSchema = z.object({
  kind: z.enum(WRITERS),
  source: z.enum(['user', 'server']).describe("'user': your own enabled provider; 'server': the operator's choice (offline by default)"),
  model: z.string().nullable(),
  baseUrl: z.string().nullable(),
});

export function registerWriterRoutes(router: ApiRouter, writers: WritersService) {
  router.add({
    method: 'GET',
    url: '/api/writer',
    summary: 'Which writer analyses your texts and writes your scripts (enable your own LLM under /api/providers)',
    tags: ['providers'],
    response: writerChoiceSchema,
    handler: ({ user }) => writers.describe(user.userId),
  });
}
