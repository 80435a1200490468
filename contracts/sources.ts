import { z } from 'zod';
import { formatSchema, languageSchema, sourceTypeSchema } from './formats.ts';
import { MAX_SOURCE_TEXT_CHARS } from './text-limits.ts';

/**
 * An image of the article with what the page says about it. The storyboard downloads `url`;
 * `position` is the index (in `text`'s paragraphs) of the paragraph the image sits before, or
 * null for an image outside the body (the page's lead image).
 */
export const articleImageSchema = z.object({
  url: z.string().max(2048),
  alt: z.string().max(1000).nullable(),
  caption: z.string().max(2000).nullable(),
  credit: z.string().max(500).nullable(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  position: z.number().int().min(0).nullable(),
});
export type ArticleImage = z.infer<typeof articleImageSchema>;

/** An imported article: the material stage 2 starts from. */
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
  /** The same images (lead image first when the page names one) with alt, caption, credit, size and position. */
  imageDetails: z.array(articleImageSchema),
  /** The place of a news dateline ("CAIRO — ...") taken off the first paragraph, or null. */
  dateline: z.string().nullable(),
  language: languageSchema,
  /** ISO 8601, or null when the page does not say. */
  publishedAt: z.string().nullable(),
  siteName: z.string().nullable(),
  url: z.string().nullable(),
  wordCount: z.number().int().min(0),
});
export type Article = z.infer<typeof articleSchema>;

const urlField = z.string().trim().min(1, 'url is empty').max(2048, 'url is longer than 2048 characters');
export const MAX_IMPORT_TEXT = 2_000_000;

/** `{url}` fetches the page, `{html, url?}` reads pasted HTML, `{text, title?}` reads text or Markdown. */
export const importSourceBodySchema = z
  .object({
    url: urlField.optional(),
    html: z.string().max(MAX_IMPORT_TEXT).optional(),
    text: z.string().max(MAX_IMPORT_TEXT).optional(),
    title: z.string().max(500).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.html !== undefined && body.text !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'send either html or text, not both' });
    } else if (body.html === undefined && body.text === undefined && body.url === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'send one of url, html or text' });
    } else if (body.text !== undefined && body.url !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'url goes with html (as its address), not with text' });
    }
  });
export type ImportSourceBody = z.infer<typeof importSourceBodySchema>;

/** Why fetching a user-supplied URL failed (server/adapters/http/safe-fetch.ts). */
export const FETCH_FAILURE_CODES = [
  'BAD_URL',
  'BLOCKED_ADDRESS',
  'DNS',
  'TIMEOUT',
  'ABORTED',
  'TOO_LARGE',
  'TOO_MANY_REDIRECTS',
  'UNSUPPORTED_CONTENT_TYPE',
  'HTTP_STATUS',
  'NETWORK',
] as const;

/** Why an import failed, in `error.details.reason`: a fetch failure, or what the content lacked. */
export const IMPORT_FAILURE_REASONS = [...FETCH_FAILURE_CODES, 'EMPTY_INPUT', 'NO_ARTICLE', 'UNSUPPORTED_FILE'] as const;

/** Upload limit of POST /api/sources/import/file. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;
export const IMPORT_FILE_EXTENSIONS = ['html', 'htm', 'xhtml', 'txt', 'text', 'md', 'markdown'] as const;

/** The content a stage-1 source resolved to, when the client already imported it. */
export const sourceContentSchema = z.object({
  title: z.string().max(500),
  text: z.string().trim().min(1, 'the text is empty').max(MAX_SOURCE_TEXT_CHARS),
  byline: z.string().max(500).nullable().optional(),
  images: z.array(z.string().max(2048)).max(100).optional(),
  imageDetails: z.array(articleImageSchema).max(100).optional(),
  dateline: z.string().max(200).nullable().optional(),
  leadImage: z.string().max(2048).nullable().optional(),
  publishedAt: z.string().max(40).nullable().optional(),
  siteName: z.string().max(300).nullable().optional(),
  url: z.string().max(2048).nullable().optional(),
});
export type SourceContent = z.infer<typeof sourceContentSchema>;

/** An imported article as a stage-1 source's `content`, so applying it does not fetch the page again. */
export function articleContent(article: Article): SourceContent {
  const { title, text, byline, dateline, leadImage, publishedAt, siteName, url } = article;
  return { title, text, byline, images: article.images.slice(0, 100), imageDetails: article.imageDetails.slice(0, 100), dateline, leadImage, publishedAt, siteName, url };
}

/**
 * Stage 1 applied: the source, format, language and length are saved as step 1 (completed) and
 * the content (with its analysis) as step 2. Replacing a stage-2 text that came from another
 * source needs `replace: true` (409 otherwise), so an author's edits are never lost silently.
 */
export const applySourceBodySchema = z
  .object({
    sourceType: sourceTypeSchema,
    idea: z.string().trim().max(2000).optional(),
    text: z.string().max(MAX_SOURCE_TEXT_CHARS).optional(),
    url: urlField.optional(),
    newsItemId: z.uuid({ message: 'must be a news item id (UUID)' }).optional(),
    /** A media source: the uploaded or downloaded "source" asset; `text` may carry a pasted or edited transcript. */
    mediaAssetId: z.uuid({ message: 'must be an asset id (UUID)' }).optional(),
    /** Set when the text came from an uploaded file. */
    fileName: z.string().max(255).optional(),
    /** The imported article, so the server does not fetch the URL a second time. */
    content: sourceContentSchema.optional(),
    format: formatSchema,
    language: languageSchema.optional(),
    targetDurationSec: z.number().int().min(5).max(600).optional(),
    replace: z.boolean().optional(),
    /** The step-1 version the author's choice was made on (0: none yet); 412 if it moved on. */
    baseVersion: z.number().int().min(0).optional(),
  })
  .superRefine((body, ctx) => {
    const need = { idea: body.idea, text: body.text ?? body.content?.text, url: body.url, news: body.newsItemId, media: body.mediaAssetId }[body.sourceType];
    if (!need?.trim()) {
      const field = { idea: 'idea', text: 'text', url: 'url', news: 'newsItemId', media: 'mediaAssetId' }[body.sourceType];
      ctx.addIssue({ code: 'custom', path: [field], message: `a ${body.sourceType} source needs ${field}` });
    }
  });
export type ApplySourceBody = z.infer<typeof applySourceBodySchema>;
