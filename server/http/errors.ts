import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorCode } from '../../contracts/errors.ts';
import { answerLanguage, headerLanguage, localisedMessage, type ClientLanguage } from './error-language.ts';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  CONFLICT: 409,
  STAGE_NOT_REACHED: 409,
  STAGE_NOT_SKIPPABLE: 409,
  VERSION_MISMATCH: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  RATE_LIMITED: 429,
  FETCH_FAILED: 422,
  PROVIDER_FAILED: 502,
  PROVIDER_NOT_CONFIGURED: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export const notFound = (what = 'Project') => new AppError('NOT_FOUND', `${what} not found`);

function pathOf(issue: z.core.$ZodIssue, prefix: string): string {
  const parts = [prefix, ...issue.path.map(String)].filter(Boolean);
  return parts.join('.') || '(body)';
}

/** A 400 naming every offending field, e.g. "stepNumber: expected an integer from 1 to 8". */
export function validationError(error: z.ZodError, prefix = ''): AppError {
  const issues = error.issues.map((issue) => ({ path: pathOf(issue, prefix), message: issueMessage(issue), ...issueCode(issue) }));
  const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  const tooLong = error.issues.find(isLongText);
  if (tooLong && tooLong.code === 'too_big') {
    // A text over its limit says the limit, so a screen can tell the author how much to cut.
    return new AppError('VALIDATION_FAILED', message, { issues, reason: 'TOO_LONG', field: pathOf(tooLong, prefix), limit: textLimit(Number(tooLong.maximum)) });
  }
  return new AppError('VALIDATION_FAILED', message, { issues });
}

/** `value` parsed with `schema`, or the 400 naming every offending field (under `prefix`). */
export function parseOrFail<T>(schema: z.ZodType<T>, value: unknown, prefix = ''): T {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, prefix);
  return result.data;
}

/** A text the author wrote or pasted (an idea, an article) over its limit; short fields and addresses keep their own messages. */
const isLongText = (issue: z.core.$ZodIssue) =>
  issue.code === 'too_big' && issue.origin === 'string' && Number(issue.maximum) >= 2000 && !/url$/i.test(String(issue.path.at(-1) ?? ''));

/**
 * A stable code per issue (zod's own: too_small, too_big, invalid_format, invalid_type,
 * invalid_value...) and the limit or format it names, so a screen can word it in its language;
 * the message stays the English one for API users.
 */
function issueCode(issue: z.core.$ZodIssue): { code: string; minimum?: number; maximum?: number; origin?: string; format?: string } {
  switch (issue.code) {
    case 'too_small':
      return { code: issue.code, origin: issue.origin, minimum: Number(issue.minimum) };
    case 'too_big':
      return { code: issue.code, origin: issue.origin, maximum: Number(issue.maximum) };
    case 'invalid_format':
      return { code: issue.code, format: issue.format };
    default:
      return { code: issue.code };
  }
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (!isLongText(issue) || issue.code !== 'too_big') return issue.message;
  const limit = textLimit(Number(issue.maximum));
  return `too long: at most ${limit.characters.toLocaleString('en-US')} characters (about ${limit.words.toLocaleString('en-US')} words); shorten it or split it into several videos`;
}

/** A text limit in characters and, for people, roughly in words (7 characters a word with its space). */
export function textLimit(characters: number): { characters: number; words: number } {
  const words = characters / 7;
  const step = words >= 10_000 ? 1000 : words >= 1000 ? 100 : 10;
  return { characters, words: Math.max(step, Math.round(words / step) * step) };
}

/** Fastify's own errors (body parsing, limits) mapped onto our codes. */
function fromFastifyError(error: FastifyError): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported Content-Type: send application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON', 'The JSON body is empty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('MALFORMED_JSON', `The body is not valid JSON: ${error.message}`);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('VALIDATION_FAILED', 'Content-Length does not match the body');
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return new AppError('MALFORMED_JSON', `The body is not valid JSON: ${error.message}`);
  }
  return fromClientErrorStatus(error.statusCode ?? (error as { status?: number }).status, error.message);
}

/**
 * A plugin error that carries a 4xx status (file sending refuses a path or a range; Fastify refuses
 * a URL) stays a 4xx with our body shape; a path the file sender refuses looks like a missing file.
 */
function fromClientErrorStatus(status: number | undefined, message: string): AppError | null {
  if (status === undefined || status < 400 || status >= 500) return null;
  switch (status) {
    case 403:
    case 404:
      return new AppError('NOT_FOUND', 'No such file');
    case 413:
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 415:
      return new AppError('UNSUPPORTED_MEDIA_TYPE', message);
    case 416:
      return new AppError('RANGE_NOT_SATISFIABLE', 'The requested byte range is not within the file');
    default:
      return new AppError('VALIDATION_FAILED', message);
  }
}

/**
 * Answers every error with {error:{code,message,details}} in the client's language. Only faults of
 * the server (5xx) are logged: a refused request is the client's business, not the operator's.
 */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const asked = headerLanguage(request);
  if (asked) return sendError(error, request, reply, asked);
  return answerLanguage(request).then((language) => sendError(error, request, reply, language));
}

function sendError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply, language: ClientLanguage) {
  const appError = error instanceof AppError ? error : fromFastifyError(error as FastifyError);
  if (!appError) {
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: localisedMessage(language, 'INTERNAL', 'Internal server error', undefined) } });
  }
  // A provider that failed (the user's own key, a third party's outage) is reported to the user and
  // is no fault of this server: it is recorded at info level. Our own faults are errors.
  if (appError.code === 'PROVIDER_FAILED') request.log.info({ code: appError.code, details: appError.details }, appError.message);
  else if (appError.status >= 500) request.log.error({ err: error }, appError.message);
  if (appError.headers) reply.headers(appError.headers);
  const body: Record<string, unknown> = { code: appError.code, message: localisedMessage(language, appError.code, appError.message, appError.details) };
  if (appError.details !== undefined) body.details = appError.details;
  return reply.code(appError.status).send({ error: body });
}
