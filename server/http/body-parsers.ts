import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

/** Where a NUL character (U+0000) sits in parsed JSON, as a dotted path; null when there is none. */
export function findNulCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(body)' : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key].join('.');
    const found = findNulCharacter(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/**
 * JSON for application/json and application/merge-patch+json. An empty body parses as "no body"
 * (so `POST .../skip` works without one); bad JSON is a 400 with the parser's reason. PostgreSQL
 * text cannot hold a NUL character, so a body carrying one is refused here, naming where it is.
 */
export function registerJsonParsers(app: FastifyInstance, bodyLimit: number) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  // Only JSON bodies reach the API routes; anything else is a 415 (uploads register their own parsers).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/json', 'application/merge-patch+json'],
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      const text = body as string;
      if (text.trim() === '') return done(null, undefined);
      parseJson(request, text, (error, parsed) => {
        const nulAt = !error && text.includes('\\u0000') ? findNulCharacter(parsed) : null;
        if (nulAt === null) return done(error, parsed);
        const message = 'must not contain the NUL character (\\u0000), which cannot be stored';
        done(new AppError('VALIDATION_FAILED', `${nulAt}: ${message}`, { issues: [{ path: nulAt, message }] }), undefined);
      });
    },
  );
}
