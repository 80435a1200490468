import { avatarCatalogSchema, avatarStateSchema, createClipBodySchema, placementBodySchema } from '../../../contracts/avatar-api.ts';
import { jobSchema } from '../../../contracts/jobs.ts';
import { projectParamsSchema } from '../../../contracts/steps.ts';
import type { ApiRouter } from '../../http/router.ts';
import { parseIfMatch } from '../steps/steps.service.ts';
import type { AvatarService } from './avatar.service.ts';

export function registerAvatarRoutes(router: ApiRouter, avatar: AvatarService) {
  router.add({
    method: 'GET',
    url: '/api/avatar/catalog',
    summary: "The avatar provider's avatars and voices (409 when no HeyGen key is configured)",
    tags: ['avatar'],
    response: avatarCatalogSchema,
    errors: [409, 429, 502],
    handler: ({ user }) => avatar.catalog(user),
  });

  router.add({
    method: 'GET',
    url: '/api/projects/:id/avatar',
    summary: 'Stage 5: whether a provider is configured, the narration a clip can follow, the clip, its status and job',
    tags: ['avatar'],
    params: projectParamsSchema,
    response: avatarStateSchema,
    errors: [404],
    handler: ({ user, params }) => avatar.state(user, params.id),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/avatar/clip',
    summary: "Make a talking-head clip lip-synced to the narration, or speaking the script, as a job (avatar.clip); If-Match (step 5's version) makes the order conditional",
    tags: ['avatar'],
    params: projectParamsSchema,
    body: createClipBodySchema,
    response: jobSchema,
    status: 202,
    errors: [404, 409, 412],
    handler: ({ user, params, body, request }) => avatar.startClip(user, params.id, body, parseIfMatch(request.headers['if-match'])),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/avatar/follow',
    summary: 'Keep following the clip already ordered (after a long wait or a restart); joins a running job',
    tags: ['avatar'],
    params: projectParamsSchema,
    response: jobSchema,
    status: 202,
    errors: [404],
    handler: async ({ user, params }) => {
      await avatar.state(user, params.id);
      return avatar.follow(user, params.id);
    },
  });

  router.add({
    method: 'PATCH',
    url: '/api/projects/:id/avatar',
    summary: "Where the clip goes: a corner overlay on the visuals, or the full frame; If-Match (step 5's version) makes it conditional",
    tags: ['avatar'],
    params: projectParamsSchema,
    body: placementBodySchema,
    response: avatarStateSchema,
    errors: [404, 412],
    handler: ({ user, params, body, request }) => avatar.setPlacement(user, params.id, body.placement, parseIfMatch(request.headers['if-match'])),
  });
}
