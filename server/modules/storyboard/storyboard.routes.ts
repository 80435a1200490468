import { projectParamsSchema } from '../../../contracts/steps.ts';
import {
  articlePicturesResultSchema,
  cardPreviewQuerySchema,
  chooseArticleImageBodySchema,
  chooseStockBodySchema,
  previewQuerySchema,
  sceneParamsSchema,
  sceneUpdateBodySchema,
  stockFillResultSchema,
  stockSearchQuerySchema,
  stockSearchResultSchema,
  storyboardSettingsBodySchema,
  storyboardViewSchema,
} from '../../../contracts/storyboard-api.ts';
import type { ApiRouter } from '../../http/router.ts';
import { parseIfMatch } from '../steps/steps.service.ts';
import { cardPreview } from './card-preview.ts';
import type { StoryboardService } from './storyboard.service.ts';

export function registerStoryboardRoutes(router: ApiRouter, storyboard: StoryboardService) {
  router.add({
    method: 'GET',
    url: '/api/projects/:id/storyboard',
    summary: 'Stage 6: every scene with its text, timing and visual; music, caption style, article images, what is available',
    tags: ['storyboard'],
    params: projectParamsSchema,
    response: storyboardViewSchema,
    errors: [404],
    handler: ({ user, params }) => storyboard.view(user, params.id),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/storyboard/article-pictures',
    summary: "Download the article's pictures (stage 2) into the project; scenes left automatic then show them",
    tags: ['storyboard'],
    params: projectParamsSchema,
    response: articlePicturesResultSchema,
    errors: [404],
    handler: ({ user, params }) => storyboard.importArticlePictures(user, params.id),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/storyboard/stock-fill',
    summary: 'Automatic storyboard: scenes still on their automatic card (no article picture fits) get a Pexels photo for their words, when a Pexels key is configured',
    tags: ['storyboard'],
    params: projectParamsSchema,
    response: stockFillResultSchema,
    errors: [404],
    handler: ({ user, params }) => storyboard.fillWithStock(user, params.id),
  });

  router.add({
    method: 'PATCH',
    url: '/api/projects/:id/storyboard/scenes/:sceneId',
    summary: "Change one scene's visual (card, uploaded image or video, or null for the automatic card), motion or transition; If-Match (step 6's version) makes it conditional",
    tags: ['storyboard'],
    params: sceneParamsSchema,
    body: sceneUpdateBodySchema,
    response: storyboardViewSchema,
    errors: [404, 412],
    handler: ({ user, params, body, request }) => storyboard.updateScene(user, params.id, params.sceneId, body, parseIfMatch(request.headers['if-match'])),
  });

  router.add({
    method: 'GET',
    url: '/api/projects/:id/storyboard/stock',
    summary: "Search Pexels photos or videos (orientation of the video's aspect unless given)",
    tags: ['storyboard'],
    params: projectParamsSchema,
    query: stockSearchQuerySchema,
    response: stockSearchResultSchema,
    errors: [404, 409, 429, 502],
    handler: ({ user, params, query }) => storyboard.searchStock(user, params.id, query),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/storyboard/scenes/:sceneId/stock',
    summary: "Download a Pexels photo or video into the project (cached) and make it the scene's visual; on failure the visual stays; If-Match (step 6's version) makes it conditional",
    tags: ['storyboard'],
    params: sceneParamsSchema,
    body: chooseStockBodySchema,
    response: storyboardViewSchema,
    errors: [404, 409, 412, 422, 429, 502],
    handler: ({ user, params, body, request }) => storyboard.chooseStock(user, params.id, params.sceneId, body, parseIfMatch(request.headers['if-match'])),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/storyboard/scenes/:sceneId/article-image',
    summary: "Download one of the source article's images into the project (cached) and make it the scene's visual; If-Match (step 6's version) makes it conditional",
    tags: ['storyboard'],
    params: sceneParamsSchema,
    body: chooseArticleImageBodySchema,
    response: storyboardViewSchema,
    errors: [404, 412, 422],
    handler: ({ user, params, body, request }) => storyboard.chooseArticleImage(user, params.id, params.sceneId, body.url, parseIfMatch(request.headers['if-match'])),
  });

  router.add({
    method: 'PATCH',
    url: '/api/projects/:id/storyboard/settings',
    summary: "Background music (an uploaded music file, volume, ducking; null for none), caption style fields, and the cover as a frame of the video source (coverFromSourceSec); If-Match (step 6's version) makes it conditional",
    tags: ['storyboard'],
    params: projectParamsSchema,
    body: storyboardSettingsBodySchema,
    response: storyboardViewSchema,
    errors: [404, 412],
    handler: ({ user, params, body, request }) => storyboard.updateSettings(user, params.id, body, request.body, parseIfMatch(request.headers['if-match'])),
  });

  router.add({
    method: 'GET',
    url: '/api/projects/:id/storyboard/preview',
    summary: 'One frame of the video as the render draws it (PNG): at time t, or at the middle of a scene',
    tags: ['storyboard'],
    params: projectParamsSchema,
    query: previewQuerySchema,
    errors: [404, 409],
    handler: async ({ user, params, query, reply }) => {
      // A preview nobody waits for any more (the author moved on) stops ffmpeg.
      const gone = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) gone.abort();
      });
      const png = await storyboard.previewFrame(user, params.id, query, gone.signal).catch((error: unknown) => {
        if (gone.signal.aborted) return null;
        throw error;
      });
      // Nobody is listening any more: nothing to answer, and nothing went wrong.
      if (!png) return reply.code(204).send();
      return reply.header('content-type', 'image/png').header('cache-control', 'private, no-cache').send(png);
    },
  });

  router.add({
    method: 'GET',
    url: '/api/storyboard/card-preview',
    summary: 'A small picture of a generated card design in a palette (PNG)',
    tags: ['storyboard'],
    query: cardPreviewQuerySchema,
    handler: async ({ query, reply }) => {
      const png = await cardPreview(query);
      return reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=86400').send(png);
    },
  });
}
