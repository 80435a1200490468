import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  mergeStepBodySchema,
  projectParamsSchema,
  skipStepBodySchema,
  stepParamsSchema,
  stepSchema,
  upsertStepBodySchema,
  type Step,
} from '../../../contracts/steps.ts';
import { streamPolled } from '../../http/event-stream.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { StepsService } from './steps.service.ts';

const withEtag = (reply: FastifyReply, step: Step) => {
  reply.header('etag', `"${step.version}"`);
  return step;
};

/** How often an open step stream looks for changes. */
const STEP_EVENTS_POLL_MS = 700;

export function registerStepRoutes(router: ApiRouter, steps: StepsService) {
  router.add({
    method: 'GET',
    url: '/api/projects/:id/steps',
    summary: 'Every step of the project, ascending by stepNumber',
    tags: ['steps'],
    params: projectParamsSchema,
    response: z.array(stepSchema),
    errors: [404],
    handler: ({ user, params }) => steps.list(user, params.id),
  });

  router.add({
    method: 'GET',
    url: '/api/projects/:id/steps/events',
    summary:
      'Server-sent events: a "steps" event with every step\'s number, version and stale flag, first at once and then whenever any of them changes (another tab, a job, another user of the token), so a screen can warn before its edits overwrite newer data',
    tags: ['steps'],
    params: projectParamsSchema,
    errors: [404],
    handler: async ({ user, params, request, reply }) => {
      const read = async () => (await steps.list(user, params.id)).map((s) => ({ stepNumber: s.stepNumber, version: s.version, stale: s.stale }));
      const first = await read();
      await streamPolled(request, reply, { read, keyOf: (all) => JSON.stringify(all), event: 'steps', intervalMs: STEP_EVENTS_POLL_MS }, first);
    },
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/steps',
    summary: 'Create or replace a step (atomic upsert); If-Match or baseVersion makes it conditional',
    tags: ['steps'],
    params: projectParamsSchema,
    body: upsertStepBodySchema,
    response: stepSchema,
    errors: [404, 412, 413, 415],
    handler: async ({ user, params, body, request, reply }) =>
      withEtag(reply, await steps.upsert(user, params.id, body, request.headers['if-match'])),
  });

  router.add({
    method: 'GET',
    url: '/api/projects/:id/steps/:stepNumber',
    summary: 'One step',
    tags: ['steps'],
    params: stepParamsSchema,
    response: stepSchema,
    errors: [404],
    handler: async ({ user, params, reply }) => withEtag(reply, await steps.get(user, params.id, params.stepNumber)),
  });

  router.add({
    method: 'PATCH',
    url: '/api/projects/:id/steps/:stepNumber',
    summary: 'Partial update as a JSON merge patch (RFC 7396): data is merged, null removes a key or clears a field',
    tags: ['steps'],
    params: stepParamsSchema,
    body: mergeStepBodySchema,
    consumes: ['application/merge-patch+json', 'application/json'],
    response: stepSchema,
    errors: [404, 412, 413, 415],
    handler: async ({ user, params, body, request, reply }) =>
      withEtag(reply, await steps.merge(user, params.id, params.stepNumber, body, request.headers['if-match'])),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/steps/:stepNumber/skip',
    summary: 'Skip stage 4 or 5 (current or already reached); skipping the current stage advances the project',
    tags: ['steps'],
    params: stepParamsSchema,
    body: skipStepBodySchema,
    response: stepSchema,
    errors: [404, 409],
    handler: async ({ user, params, body, reply }) => withEtag(reply, await steps.skip(user, params.id, params.stepNumber, body?.reason)),
  });
}
