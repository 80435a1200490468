import { z } from 'zod';
import { jobSchema } from '../../../contracts/jobs.ts';
import { mediaSourceUrlBodySchema, transcriberStatusSchema } from '../../../contracts/media-sources.ts';
import { projectParamsSchema } from '../../../contracts/steps.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { MediaSourceService } from './media-source.service.ts';

export function registerMediaSourceRoutes(router: ApiRouter, media: MediaSourceService) {
  router.add({
    method: 'GET',
    url: '/api/media-sources/transcriber',
    summary: 'Whether a speech-to-text provider serves you (OpenAI-compatible or whisper.cpp), or why not',
    tags: ['sources'],
    response: transcriberStatusSchema,
    handler: ({ user }) => media.transcriber(user),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/media-source/url',
    summary:
      'Start a media.import job: download a video/audio URL (a file, or an Instagram/TikTok/YouTube Shorts/VK page through yt-dlp; 200 MB, 10 minutes), store it as a "source" asset and transcribe it. Follow and cancel it under /api/jobs',
    tags: ['sources'],
    params: projectParamsSchema,
    body: mediaSourceUrlBodySchema,
    response: jobSchema,
    status: 202,
    errors: [404],
    handler: ({ user, params, body }) => media.importUrl(user, params.id, body.url),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/media-source/transcribe',
    summary: 'Start a media.import job that transcribes an uploaded source (POST /api/projects/:id/assets?kind=source)',
    tags: ['sources'],
    params: projectParamsSchema,
    body: z.object({ assetId: z.uuid() }),
    response: jobSchema,
    status: 202,
    errors: [404],
    handler: ({ user, params, body }) => media.transcribe(user, params.id, body.assetId),
  });
}
