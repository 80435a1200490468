import { z } from 'zod';
import { formatSchema, languageSchema } from './formats.ts';

export const FEED_STATUSES = ['ok', 'error'] as const;

export const feedSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  title: z.string().nullable(),
  siteUrl: z.string().nullable(),
  lastFetchedAt: z.string().nullable(),
  lastStatus: z.enum(FEED_STATUSES).nullable().describe('Outcome of the last fetch; null before the first one'),
  lastError: z.string().nullable(),
  itemCount: z.number().int().describe('Stories stored for this feed'),
  createdAt: z.string(),
});
export type Feed = z.infer<typeof feedSchema>;

export const addFeedBodySchema = z.object({
  url: z.string().trim().min(1, 'url is empty').max(2048),
});

/** Potential score bands of news items (offline analyser score of title + summary at ingest). */
export const SCORE_BANDS = {
  high: { min: 65, max: 100 },
  medium: { min: 50, max: 64 },
  low: { min: 0, max: 49 },
} as const;
export type ScoreBand = keyof typeof SCORE_BANDS;
export const scoreBandSchema = z.enum(Object.keys(SCORE_BANDS) as [ScoreBand, ...ScoreBand[]]);

export function scoreBand(score: number): ScoreBand {
  if (score >= SCORE_BANDS.high.min) return 'high';
  if (score >= SCORE_BANDS.medium.min) return 'medium';
  return 'low';
}

/** How recent a story must be; by publish date, else by when it was first seen. */
export const FRESHNESS_HOURS = { '6h': 6, '24h': 24, '3d': 72, '7d': 168, '30d': 720 } as const;
export type Freshness = keyof typeof FRESHNESS_HOURS;
export const freshnessSchema = z.enum(Object.keys(FRESHNESS_HOURS) as [Freshness, ...Freshness[]]);

export const newsItemSchema = z.object({
  id: z.uuid(),
  feedId: z.uuid(),
  feedTitle: z.string().nullable(),
  url: z.string().nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  imageUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  score: z.number().int().nullable(),
  band: scoreBandSchema.nullable(),
  language: languageSchema.nullable(),
  favourite: z.boolean(),
  dismissed: z.boolean(),
  hasFullText: z.boolean(),
  createdAt: z.string(),
});
export type NewsItem = z.infer<typeof newsItemSchema>;

const flag = z.enum(['true', 'false']);

export const newsQuerySchema = z.object({
  band: scoreBandSchema.optional(),
  feedId: z.uuid({ message: 'must be a feed id (UUID)' }).optional(),
  freshness: freshnessSchema.optional(),
  q: z.string().trim().max(200).optional().describe('Text contained in the title or summary'),
  favourite: flag.optional().describe('true: favourites only'),
  dismissed: flag.optional().describe('true: dismissed items only (they are hidden otherwise)'),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
});
export type NewsQuery = z.infer<typeof newsQuerySchema>;

export const newsPageSchema = z.object({
  items: z.array(newsItemSchema),
  total: z.number().int(),
});
export type NewsPage = z.infer<typeof newsPageSchema>;

export const updateNewsItemBodySchema = z
  .object({ favourite: z.boolean().optional(), dismissed: z.boolean().optional() })
  .refine((b) => b.favourite !== undefined || b.dismissed !== undefined, 'send favourite or dismissed');

export const newsArticleSchema = z.object({
  itemId: z.uuid(),
  title: z.string(),
  text: z.string(),
  url: z.string().nullable(),
  images: z.array(z.string()),
  byline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  siteName: z.string().nullable(),
  language: languageSchema,
  wordCount: z.number().int(),
  /** 'article': the full text of the page; 'summary': the page could not be read, this is the feed's summary. */
  origin: z.enum(['article', 'summary']),
  /** Why the page could not be read, when origin is 'summary'. */
  fetchError: z.string().nullable(),
});
export type NewsArticle = z.infer<typeof newsArticleSchema>;

export const makeProjectFromNewsBodySchema = z
  .object({
    format: formatSchema.optional().describe('Default: the format the analysis recommends'),
    language: languageSchema.optional(),
    targetDurationSec: z.number().int().min(5).max(600).optional(),
  })
  .optional();
