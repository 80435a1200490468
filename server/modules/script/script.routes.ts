import { z } from 'zod';
import { jobSchema } from '../../../contracts/jobs.ts';
import { generateScriptBodySchema, saveFinalScriptBodySchema, scriptVersionParamsSchema, scriptVersionSchema } from '../../../contracts/script-workflow.ts';
import { projectParamsSchema, stepSchema } from '../../../contracts/steps.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { ScriptService } from './script.service.ts';

export function registerScriptRoutes(router: ApiRouter, script: ScriptService) {
  router.add({
    method: 'POST',
    url: '/api/projects/:id/script/generate',
    summary:
      'Write the script (or, with sceneId, new variants for one scene) as a job; a double click is one job; a full regeneration over your choices needs replace: true (409 otherwise)',
    tags: ['script'],
    params: projectParamsSchema,
    body: generateScriptBodySchema,
    response: jobSchema,
    status: 202,
    errors: [404, 409],
    handler: ({ user, params, body }) => script.generate(user, params.id, body ?? {}),
  });

  router.add({
    method: 'PUT',
    url: '/api/projects/:id/script/final',
    summary: 'Save the final script built from your choices (a variant or your own text per scene) into step 3; every new final script is a version',
    tags: ['script'],
    params: projectParamsSchema,
    body: saveFinalScriptBodySchema,
    response: stepSchema,
    errors: [404, 409, 412],
    handler: ({ user, params, body }) => script.saveFinal(user, params.id, body),
  });

  router.add({
    method: 'GET',
    url: '/api/projects/:id/script/versions',
    summary: 'Every final script saved for the project, newest first',
    tags: ['script'],
    params: projectParamsSchema,
    response: z.array(scriptVersionSchema),
    errors: [404],
    handler: ({ user, params }) => script.listVersions(user, params.id),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/script/versions/:version/revert',
    summary: 'Make an older final script current again (it is recorded as a new version)',
    tags: ['script'],
    params: scriptVersionParamsSchema,
    response: stepSchema,
    errors: [404],
    handler: ({ user, params }) => script.revert(user, params.id, params.version),
  });
}
