import { z } from 'zod';
import {
  listProjectCardsQuerySchema,
  projectCardSchema,
  changeStageBodySchema,
  createProjectBodySchema,
  listProjectsQuerySchema,
  projectSchema,
  updateProjectBodySchema,
} from '../../../contracts/projects.ts';
import { projectParamsSchema } from '../../../contracts/steps.ts';
import { answerLanguage } from '../../http/error-language.ts';
import { AppError } from '../../http/errors.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { ProjectsService } from './projects.service.ts';

/** An Idempotency-Key header: 1-200 visible ASCII characters (a UUID from the client, usually). */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key: must be 1 to 200 visible ASCII characters', { issues: [{ path: 'Idempotency-Key', message: 'invalid' }] });
  }
  return key;
}

export function registerProjectRoutes(router: ApiRouter, projects: ProjectsService) {
  router.add({
    method: 'POST',
    url: '/api/projects',
    summary: 'Create a project (starts at stage 1). With an Idempotency-Key header, repeating the request returns the project the first one created',
    tags: ['projects'],
    body: createProjectBodySchema.optional(),
    response: projectSchema,
    status: 201,
    errors: [400],
    handler: async ({ user, body, request }) =>
      projects.create(user, body?.title, idempotencyKeyOf(request.headers['idempotency-key']), body?.title ? 'en' : await answerLanguage(request)),
  });

  router.add({
    method: 'GET',
    url: '/api/projects',
    summary: 'Your projects, most recently changed first',
    tags: ['projects'],
    query: listProjectsQuerySchema,
    response: z.array(projectSchema),
    handler: ({ user, query }) =>
      projects.list(user, { status: query.status, deleted: query.deleted === 'true', q: query.q, limit: query.limit }),
  });

  router.add({
    method: 'GET',
    url: '/api/projects/cards',
    summary: 'Your projects as the projects page shows them: stages done, whether the video is rendering, ready or outdated, and a thumbnail',
    tags: ['projects'],
    query: listProjectCardsQuerySchema,
    response: z.array(projectCardSchema),
    handler: ({ user, query }) => projects.cards(user, { status: query.status, q: query.q, limit: query.limit, work: query.work }),
  });

  router.add({
    method: 'GET',
    url: '/api/projects/:id',
    summary: 'One project',
    tags: ['projects'],
    params: projectParamsSchema,
    response: projectSchema,
    errors: [404],
    handler: ({ user, params }) => projects.get(user, params.id),
  });

  router.add({
    method: 'PATCH',
    url: '/api/projects/:id',
    summary: 'Rename a project',
    tags: ['projects'],
    params: projectParamsSchema,
    body: updateProjectBodySchema,
    response: projectSchema,
    errors: [404],
    handler: ({ user, params, body }) => projects.rename(user, params.id, body.title),
  });

  router.add({
    method: 'DELETE',
    url: '/api/projects/:id',
    summary: 'Delete a project (restorable for 7 days, then purged)',
    tags: ['projects'],
    params: projectParamsSchema,
    status: 204,
    errors: [404],
    handler: ({ user, params }) => projects.remove(user, params.id),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/restore',
    summary: 'Restore a deleted project',
    tags: ['projects'],
    params: projectParamsSchema,
    response: projectSchema,
    errors: [404, 409],
    handler: ({ user, params }) => projects.restore(user, params.id),
  });

  router.add({
    method: 'PATCH',
    url: '/api/projects/:id/stage',
    summary: 'Open another stage: back to any reached stage, forward one once the current is completed or skipped',
    tags: ['projects'],
    params: projectParamsSchema,
    body: changeStageBodySchema,
    response: projectSchema,
    errors: [404, 409],
    handler: ({ user, params, body }) => projects.changeStage(user, params.id, body.stage),
  });
}
