import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** Deeper JSON is refused before parsing: walking it (validation, JSON.stringify) would exhaust the stack. */
export const MAX_JSON_DEPTH = 64;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why PostgreSQL could not store this text (json/jsonb/text), or null when it can. */
function unstorableReason(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000), which cannot be stored';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate (such as \\ud800): it is not valid Unicode text';
  return null;
}

/**
 * The first string or key (as a dotted path) holding text that cannot be stored: a NUL character or
 * a lone surrogate. Null when there is none. `value` must be shallow enough to recurse into.
 */
export function findUnstorableText(value: unknown, path: string[] = []): { path: string; message: string } | null {
  if (typeof value === 'string') {
    const message = unstorableReason(value);
    return message ? { path: path.join('.') || '(body)', message } : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const keyReason = unstorableReason(key);
    if (keyReason) return { path: [...path, key].join('.'), message: `key ${keyReason}` };
    const found = findUnstorableText(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** Throws a 400 naming where unstorable text sits in `value` (a body, a query or path parameters). */
export function assertStorableText(value: unknown, prefix: string[] = []): void {
  const found = findUnstorableText(value, prefix);
  if (found) throw new AppError('VALIDATION_FAILED', `${found.path}: ${found.message}`, { issues: [found] });
}

/** How deeply arrays and objects nest in JSON text, stopping once past `limit`; strings are skipped. */
export function jsonNestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * JSON for application/json and application/merge-patch+json. An empty body parses as "no body"
 * (so `POST .../skip` works without one); bad JSON is a 400 with the parser's reason. Text that
 * PostgreSQL cannot store (NUL, lone surrogates) and nesting past MAX_JSON_DEPTH are refused here,
 * naming where they are.
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
      if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) {
        return done(new AppError('MALFORMED_JSON', `The JSON body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`), undefined);
      }
      parseJson(request, text, (error, parsed) => {
        if (error || !text.includes('\\u')) return done(error, parsed);
        try {
          assertStorableText(parsed);
          done(null, parsed);
        } catch (refused) {
          done(refused as AppError, undefined);
        }
      });
    },
  );
}

/**
 * The uploaded file part of a multipart request. A body busboy cannot read (no boundary, cut
 * short) is the client's fault: a 400 that says so, never a 500.
 */
export async function readMultipartFile(request: FastifyRequest, limits: { fileSize: number; files: number }) {
  try {
    return await request.file({ limits });
  } catch (error) {
    throw multipartError(error);
  }
}

/** Maps an error raised while reading a multipart body: limits keep their own status, the rest is a 400. */
export function multipartError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== undefined && status !== 500) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('VALIDATION_FAILED', `The multipart/form-data body could not be read: ${reason}`);
}
