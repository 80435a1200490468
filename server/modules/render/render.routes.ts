import { jobSchema } from '../../../contracts/jobs.ts';
import { publishBodySchema, renderBodySchema, renderStateSchema } from '../../../contracts/render-api.ts';
import { publishMetadataSchema } from '../../../contracts/script.ts';
import { projectParamsSchema } from '../../../contracts/steps.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { RenderService } from './render.service.ts';

export function registerRenderRoutes(router: ApiRouter, render: RenderService) {
  router.add({
    method: 'POST',
    url: '/api/projects/:id/render',
    summary:
      'Render the video as a job (render.video): the plan is checked first (400 names every problem field); a second click while it runs returns the same job',
    tags: ['render'],
    params: projectParamsSchema,
    body: renderBodySchema,
    response: jobSchema,
    status: 202,
    errors: [404],
    handler: ({ user, params, body }) => render.start(user, params.id, body ?? {}),
  });

  router.add({
    method: 'GET',
    url: '/api/projects/:id/render',
    summary: 'Render settings, the latest render job, the finished files (MP4, SRT, VTT, thumbnail, script), publish metadata, and what stops a render now',
    tags: ['render'],
    params: projectParamsSchema,
    response: renderStateSchema,
    errors: [404],
    handler: ({ user, params }) => render.state(user, params.id),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/publish/draft',
    summary: "Draft a title, description and hashtags from the script with the user's writer (offline by default) and save them in step 7",
    tags: ['render'],
    params: projectParamsSchema,
    response: publishMetadataSchema,
    errors: [404, 409, 429, 502],
    handler: ({ user, params }) => render.draftPublish(user, params.id),
  });

  router.add({
    method: 'PUT',
    url: '/api/projects/:id/publish',
    summary: 'Save edited publish metadata (title, description, hashtags) in step 7',
    tags: ['render'],
    params: projectParamsSchema,
    body: publishBodySchema,
    response: publishMetadataSchema,
    errors: [404],
    handler: ({ user, params, body }) => render.savePublish(user, params.id, body),
  });
}
