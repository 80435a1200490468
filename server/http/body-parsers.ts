import type { FastifyInstance } from 'fastify';

/**
 * JSON for application/json and application/merge-patch+json. An empty body parses as "no body"
 * (so `POST .../skip` works without one); bad JSON is a 400 with the parser's reason.
 */
export function registerJsonParsers(app: FastifyInstance, bodyLimit: number) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  // Only JSON bodies reach the API routes; anything else is a 415 (uploads register their own parsers).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/json', 'application/merge-patch+json'],
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
      parseJson(request, body as string, done);
    },
  );
}
