import { z } from 'zod';
import { makeProjectFromNewsBodySchema, newsArticleSchema, newsItemSchema, newsPageSchema, newsQuerySchema, updateNewsItemBodySchema } from '../../../contracts/news.ts';
import { projectSchema } from '../../../contracts/projects.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { ProjectSourceService } from '../sources/project-source.service.ts';
import type { NewsService } from './news.service.ts';
import { idempotencyKeyOf } from '../projects/projects.routes.ts';

const itemParams = z.object({ itemId: z.uuid({ message: 'must be a news item id (UUID)' }) });

export function registerNewsRoutes(router: ApiRouter, news: NewsService, projectSource: ProjectSourceService) {
  router.add({
    method: 'GET',
    url: '/api/news',
    summary: 'Stories from your feeds, newest first, filtered by score band, feed, freshness and text; dismissed ones are hidden unless asked for',
    tags: ['news'],
    query: newsQuerySchema,
    response: newsPageSchema,
    handler: ({ user, query }) => news.list(user, query),
  });

  router.add({
    method: 'PATCH',
    url: '/api/news/:itemId',
    summary: 'Favourite or dismiss a story (or undo either)',
    tags: ['news'],
    params: itemParams,
    body: updateNewsItemBodySchema,
    response: newsItemSchema,
    errors: [404],
    handler: ({ user, params, body }) => news.update(user, params.itemId, body),
  });

  router.add({
    method: 'GET',
    url: '/api/news/:itemId/article',
    summary: "The story's full article text, fetched from its link on first request (the feed summary when the page cannot be read)",
    tags: ['news'],
    params: itemParams,
    response: newsArticleSchema,
    errors: [404],
    handler: ({ user, params }) => news.article(user, params.itemId),
  });

  router.add({
    method: 'POST',
    url: '/api/news/:itemId/project',
    summary:
      'Make a project from a story: stage 1 (source, format, language, length) and stage 2 (text, analysis) are filled. With an Idempotency-Key header, repeating the request returns the project the first one made',
    tags: ['news'],
    params: itemParams,
    body: makeProjectFromNewsBodySchema,
    response: projectSchema,
    status: 201,
    errors: [404, 502],
    handler: ({ user, params, body, request }) =>
      projectSource.createFromNewsItem(user, params.itemId, body ?? {}, idempotencyKeyOf(request.headers['idempotency-key'])),
  });
}
