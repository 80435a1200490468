import { z } from 'zod';
import { aspectSchema, formatSchema, languageSchema } from './formats.ts';

/** What a batch makes a project from: a news item, or a library script (its latest version unless one is named). */
export const batchItemInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('news'), newsItemId: z.uuid({ message: 'must be a news item id (UUID)' }) }).strict(),
  z.object({ kind: z.literal('library'), entryId: z.uuid({ message: 'must be a library script id (UUID)' }), version: z.number().int().min(1).optional() }).strict(),
]);
export type BatchItemInput = z.infer<typeof batchItemInputSchema>;

export const MAX_BATCH_ITEMS = 50;

export const createBatchBodySchema = z
  .object({
    items: z.array(batchItemInputSchema).min(1, 'choose at least one item').max(MAX_BATCH_ITEMS, `at most ${MAX_BATCH_ITEMS} items at once`),
    /** Also make each project's video with the fast path. */
    makeVideo: z.boolean().optional(),
    /** For news items (a library script keeps its own format and language). */
    format: formatSchema.optional(),
    language: languageSchema.optional(),
    targetDurationSec: z.number().int().min(5).max(600).optional(),
    aspect: aspectSchema.optional(),
    quality: z.enum(['draft', 'standard', 'high']).optional(),
  })
  .strict();
export type CreateBatchBody = z.infer<typeof createBatchBodySchema>;
export type BatchOptions = Omit<CreateBatchBody, 'items' | 'makeVideo'>;

/**
 * An item's state: waiting for its turn, failed (error says why), making its video (progress),
 * or done (its project, and its video when one was asked for, are ready).
 */
export const BATCH_ITEM_STATES = ['waiting', 'making', 'done', 'failed'] as const;
export type BatchItemState = (typeof BATCH_ITEM_STATES)[number];

export const batchItemSchema = z.object({
  position: z.number().int(),
  kind: z.enum(['news', 'library']),
  label: z.string(),
  state: z.enum(BATCH_ITEM_STATES),
  progress: z.number().min(0).max(1),
  step: z.string().nullable().describe("The make job's step while the video is being made"),
  projectId: z.uuid().nullable(),
  makeJobId: z.uuid().nullable(),
  error: z.string().nullable(),
});
export type BatchItem = z.infer<typeof batchItemSchema>;

export const batchSchema = z.object({
  id: z.uuid(),
  makeVideo: z.boolean(),
  /** True once every item is done or failed. */
  finished: z.boolean(),
  counts: z.object({ waiting: z.number().int(), making: z.number().int(), done: z.number().int(), failed: z.number().int() }),
  items: z.array(batchItemSchema),
  createdAt: z.string(),
});
export type Batch = z.infer<typeof batchSchema>;
