import { z } from 'zod';
import { languageSchema } from '../../../contracts/formats.ts';

/** What an import produces: the material stage 2 starts from. */
export const articleSchema = z.object({
  title: z.string(),
  byline: z.string().nullable(),
  /** Clean text; paragraphs separated by a blank line. */
  text: z.string(),
  /** The first paragraph of `text`. */
  lead: z.string(),
  leadImage: z.string().nullable(),
  /** Absolute URLs of the images inside the article body, in order, without duplicates. */
  images: z.array(z.string()),
  language: languageSchema,
  /** ISO 8601, or null when the page does not say. */
  publishedAt: z.string().nullable(),
  siteName: z.string().nullable(),
  url: z.string().nullable(),
  wordCount: z.number().int().min(0),
});

export type Article = z.infer<typeof articleSchema>;

export const SOURCE_IMPORT_ERROR_CODES = ['EMPTY_INPUT', 'NO_ARTICLE', 'FETCH_FAILED', 'UNSUPPORTED_FILE'] as const;
export type SourceImportErrorCode = (typeof SOURCE_IMPORT_ERROR_CODES)[number];

export class SourceImportError extends Error {
  constructor(
    readonly code: SourceImportErrorCode,
    message: string,
    /** For FETCH_FAILED: the SafeFetchError code (BLOCKED_ADDRESS, TIMEOUT...). */
    readonly fetchCode?: string,
  ) {
    super(message);
    this.name = 'SourceImportError';
  }
}
