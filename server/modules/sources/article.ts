/** The article schema is part of the API contract; the import engine produces exactly it. */
export { articleSchema, type Article } from '../../../contracts/sources.ts';

export const SOURCE_IMPORT_ERROR_CODES = ['EMPTY_INPUT', 'NO_ARTICLE', 'FETCH_FAILED', 'UNSUPPORTED_FILE', 'FEED_URL'] as const;
export type SourceImportErrorCode = (typeof SOURCE_IMPORT_ERROR_CODES)[number];

export class SourceImportError extends Error {
  constructor(
    readonly code: SourceImportErrorCode,
    message: string,
    /** For FETCH_FAILED: the SafeFetchError code (BLOCKED_ADDRESS, TIMEOUT...). */
    readonly fetchCode?: string,
    /** What a screen needs to offer the way on, e.g. the feed's URL and title for FEED_URL. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SourceImportError';
  }
}
