import { jobSchema } from '../../../contracts/jobs.ts';
import { makeVideoBodySchema } from '../../../contracts/make-video.ts';
import { projectParamsSchema } from '../../../contracts/steps.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { MakeVideoService } from './make-video.service.ts';

export function registerMakeVideoRoutes(router: ApiRouter, make: MakeVideoService) {
  router.add({
    method: 'POST',
    url: '/api/projects/:id/make',
    summary:
      'Make the video in one go as a job (video.make): script with the best variant of every scene, voice, storyboard and render, each as its own stage job; stages still current are kept; a second click while it runs returns the same job',
    tags: ['render'],
    params: projectParamsSchema,
    body: makeVideoBodySchema,
    response: jobSchema,
    status: 202,
    errors: [404, 409],
    handler: ({ user, params, body }) => make.start(user, params.id, body ?? {}),
  });
}
