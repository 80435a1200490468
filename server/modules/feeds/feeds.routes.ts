import { z } from 'zod';
import { jobSchema } from '../../../contracts/jobs.ts';
import { addFeedBodySchema, feedSchema } from '../../../contracts/news.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { FeedsService } from './feeds.service.ts';

const feedParams = z.object({ feedId: z.uuid({ message: 'must be a feed id (UUID)' }) });

export function registerFeedRoutes(router: ApiRouter, feeds: FeedsService) {
  router.add({
    method: 'GET',
    url: '/api/feeds',
    summary: 'Your news feeds with the outcome of their last fetch and how many stories each has',
    tags: ['news'],
    response: z.array(feedSchema),
    handler: ({ user }) => feeds.list(user),
  });

  router.add({
    method: 'POST',
    url: '/api/feeds',
    summary: 'Follow an RSS or Atom feed; it is fetched once to validate it (a web page gets the feeds it links to in details.discoveredFeeds)',
    tags: ['news'],
    body: addFeedBodySchema,
    response: feedSchema,
    status: 201,
    errors: [409, 422],
    handler: ({ user, body }) => feeds.add(user, body.url),
  });

  router.add({
    method: 'DELETE',
    url: '/api/feeds/:feedId',
    summary: 'Stop following a feed and forget its stories',
    tags: ['news'],
    params: feedParams,
    status: 204,
    errors: [404],
    handler: ({ user, params }) => feeds.remove(user, params.feedId),
  });

  router.add({
    method: 'POST',
    url: '/api/feeds/:feedId/refresh',
    summary: 'Fetch a feed now (a job; a refresh already queued is reused)',
    tags: ['news'],
    params: feedParams,
    response: jobSchema,
    status: 202,
    errors: [404],
    handler: async ({ user, params }) => (await feeds.refresh(user, params.feedId))[0],
  });

  router.add({
    method: 'POST',
    url: '/api/feeds/refresh',
    summary: 'Fetch every feed of yours now (one job per feed)',
    tags: ['news'],
    response: z.array(jobSchema),
    status: 202,
    handler: ({ user }) => feeds.refresh(user),
  });
}
