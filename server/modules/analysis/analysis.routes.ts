import { z } from 'zod';
import { analyseInputSchema, analysisResultSchema } from '../../../contracts/analysis.ts';
import { jobSchema } from '../../../contracts/jobs.ts';
import { projectParamsSchema, stepSchema } from '../../../contracts/steps.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { AnalysisService } from './analysis.service.ts';
import { MAX_SOURCE_TEXT_CHARS } from '../../../contracts/text-limits.ts';

const analyseProjectBodySchema = z
  .object({
    text: z.string().max(MAX_SOURCE_TEXT_CHARS).optional(),
    title: z.string().max(500).optional(),
    baseVersion: z.number().int().min(0).optional(),
  })
  .optional();

export function registerAnalysisRoutes(router: ApiRouter, analysis: AnalysisService) {
  router.add({
    method: 'POST',
    url: '/api/analysis',
    summary: "Potential score 0-100 with breakdown, verdict, key facts, recommended format and speaking time, by your writer",
    tags: ['analysis'],
    body: analyseInputSchema,
    response: analysisResultSchema,
    errors: [409, 502],
    handler: ({ user, body }) => analysis.analyse(user.userId, body),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/analysis',
    summary:
      'Analyse the stage-2 text (or the text sent, which is saved with it) into step 2: with the offline analyser at once (200, the step); with an LLM as a job (202, follow it at /api/jobs/:id/events)',
    tags: ['analysis'],
    params: projectParamsSchema,
    body: analyseProjectBodySchema,
    response: z.union([z.object({ step: stepSchema }), z.object({ job: jobSchema })]),
    errors: [404, 409, 412, 502],
    handler: async ({ user, params, body, reply }) => {
      const started = await analysis.startProjectAnalysis(user, params.id, body ?? {});
      if ('job' in started) reply.code(202);
      return started;
    },
  });
}
