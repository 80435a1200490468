import { z } from 'zod';
import {
  changeStageBodySchema,
  createProjectBodySchema,
  listProjectsQuerySchema,
  projectSchema,
  updateProjectBodySchema,
} from '../../../contracts/projects.ts';
import { projectParamsSchema } from '../../../contracts/steps.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { ProjectsService } from './projects.service.ts';

export function registerProjectRoutes(router: ApiRouter, projects: ProjectsService) {
  router.add({
    method: 'POST',
    url: '/api/projects',
    summary: 'Create a project (starts at stage 1)',
    tags: ['projects'],
    body: createProjectBodySchema.optional(),
    response: projectSchema,
    status: 201,
    handler: ({ user, body }) => projects.create(user, body?.title),
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
