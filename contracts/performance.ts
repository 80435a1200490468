import { z } from 'zod';

/** Where a rendered video was published (stage 8). */
export const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'vk', 'other'] as const;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;

/** The numbers a platform reports for one video at one time; every one is optional. */
export const METRIC_FIELDS = ['views', 'plays', 'reach', 'likes', 'comments', 'shares', 'saves', 'followersGained'] as const;
export type CountMetric = (typeof METRIC_FIELDS)[number];

/** Dates of short videos: from 2000 to 2099 (PostgreSQL has no year 0, and nothing was published before). */
const plausibleYear = (value: string) => !/^\d{4}-/.test(value) || (value >= '2000' && value < '2100');

const count = z.number().int('must be a whole number').min(0, 'cannot be negative').max(1e12);

export const metricValuesSchema = z.object({
  views: count.optional(),
  plays: count.optional(),
  reach: count.optional(),
  likes: count.optional(),
  comments: count.optional(),
  shares: count.optional(),
  saves: count.optional(),
  followersGained: count.optional(),
  avgWatchSec: z.number().min(0, 'cannot be negative').max(24 * 3600).optional(),
  /** Average watch time over the video's length, 0..1 (a 0.6 is 60%; above 1 means replays). */
  watchRatio: z.number().min(0, 'cannot be negative').max(10).optional(),
});
export type MetricValues = z.infer<typeof metricValuesSchema>;

export const METRIC_SOURCES = ['manual', 'csv', 'youtube', 'instagram'] as const;

export const metricReadingSchema = metricValuesSchema.extend({
  id: z.uuid(),
  publicationId: z.uuid(),
  readAt: z.string(),
  source: z.enum(METRIC_SOURCES),
});
export type MetricReading = z.infer<typeof metricReadingSchema>;

export const addReadingBodySchema = metricValuesSchema
  .extend({ readAt: z.iso.datetime({ offset: true, message: 'must be an ISO date and time' }).refine(plausibleYear, 'must be between 2000 and 2099').optional() })
  .refine((v) => Object.keys(v).some((k) => k !== 'readAt'), { message: 'enter at least one number' });
export type AddReadingBody = z.infer<typeof addReadingBodySchema>;

export const importCsvBodySchema = z.object({ csv: z.string().min(1, 'the file is empty').max(2_000_000) });

export const publicationBodySchema = z.object({
  platform: platformSchema,
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2048),
  publishedAt: z.iso.date({ message: 'must be a date like 2026-05-31' }).refine(plausibleYear, 'must be between 2000 and 2099'),
});
export type PublicationBody = z.infer<typeof publicationBodySchema>;

export const REFRESH_STATES = ['none', 'ok', 'no-credentials', 'auth-failed', 'rate-limited', 'not-found', 'failed'] as const;

export const publicationSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  platform: platformSchema,
  url: z.string(),
  publishedAt: z.string(),
  refreshStatus: z.enum(REFRESH_STATES),
  refreshError: z.string().nullable(),
  refreshedAt: z.string().nullable(),
  readings: z.array(metricReadingSchema),
});
export type Publication = z.infer<typeof publicationSchema>;

/** What was known when the video was rendered; the numbers advice compares against. */
export const predictionSchema = z.object({
  score: z.number().nullable(),
  breakdown: z.record(z.string(), z.number()),
  format: z.string().nullable(),
  durationSec: z.number().nullable(),
  hookStyle: z.string().nullable(),
  voice: z.string().nullable(),
  musicMood: z.string().nullable(),
  topic: z.string().nullable(),
  renderedAt: z.string(),
});
export type Prediction = z.infer<typeof predictionSchema>;

/** One publication against the author's usual on that platform. */
export const actualSchema = z.object({
  publicationId: z.uuid(),
  platform: platformSchema,
  metric: z.enum(['views', 'plays', 'reach']),
  value: z.number(),
  /** Median of the author's videos on this platform (this one included). */
  baseline: z.number(),
  /** value / baseline: 2.3 is "2.3x your usual". */
  ratio: z.number(),
  videosInBaseline: z.number().int(),
});
export type Actual = z.infer<typeof actualSchema>;

export const trendSchema = z.object({
  dimension: z.enum(['format', 'length', 'hookStyle', 'topic', 'voice', 'musicMood']),
  value: z.string(),
  videos: z.number().int(),
  medianRatio: z.number(),
  /** False below three videos: shown, but not called a trend. */
  enough: z.boolean(),
});
export type Trend = z.infer<typeof trendSchema>;

export const adviceSchema = z.object({
  videos: z.number().int(),
  trends: z.array(trendSchema),
  /** Videos where the predicted score and the actual ratio disagree most. */
  misses: z.array(z.object({ projectId: z.uuid(), title: z.string(), score: z.number(), ratio: z.number(), direction: z.enum(['over', 'under']) })),
  suggestions: z.array(z.object({ kind: z.string(), dimension: z.string(), value: z.string(), ratio: z.number(), videos: z.number().int() })),
  /** The same facts in prose, by the configured LLM; null without one. */
  prose: z.string().nullable(),
});
export type Advice = z.infer<typeof adviceSchema>;

export const projectPerformanceSchema = z.object({
  prediction: predictionSchema.nullable(),
  publications: z.array(publicationSchema),
  actuals: z.array(actualSchema),
  advice: adviceSchema,
});
export type ProjectPerformance = z.infer<typeof projectPerformanceSchema>;

export const dashboardSchema = z.object({
  videos: z.array(
    z.object({
      projectId: z.uuid(),
      title: z.string(),
      platform: platformSchema,
      publishedAt: z.string(),
      score: z.number().nullable(),
      value: z.number(),
      ratio: z.number(),
    }),
  ),
  advice: adviceSchema,
});
export type Dashboard = z.infer<typeof dashboardSchema>;
