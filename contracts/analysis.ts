import { z } from 'zod';
import { formatSchema, languageSchema } from './formats.ts';
import { MAX_SOURCE_TEXT_CHARS } from './text-limits.ts';

/** The five parts of the potential score, each 0-100. */
export const BREAKDOWN_KEYS = ['hook', 'news', 'emotion', 'clarity', 'audience'] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];

const score = z.number().int().min(0).max(100);

export const analysisBreakdownSchema = z.object({
  /** How well the opening (title + first sentence) can grab attention. */
  hook: score,
  /** News value and freshness. */
  news: score,
  /** Emotional charge. */
  emotion: score,
  /** Clarity: sentence length, long words, structure. */
  clarity: score,
  /** Fit for a broad short-video audience. */
  audience: score,
});

export const ANALYSERS = ['offline', 'openai', 'anthropic'] as const;

export const analysisResultSchema = z.object({
  score,
  breakdown: analysisBreakdownSchema,
  /** One sentence, in the text's language. */
  verdict: z.string().min(1).max(400),
  /** Sentences from the text with numbers, names or dates. */
  keyFacts: z.array(z.string().min(1)).max(10),
  recommendedFormat: formatSchema,
  /** The whole text read aloud at SPEAKING_RATE_WPS. */
  speakingTimeSec: z.number().min(0),
  wordCount: z.number().int().min(0),
  language: languageSchema,
  analyser: z.enum(ANALYSERS),
});

export type AnalysisBreakdown = z.infer<typeof analysisBreakdownSchema>;
export type AnalysisResult = z.infer<typeof analysisResultSchema>;

export const analyseInputSchema = z.object({
  text: z.string().trim().min(1, 'text is empty').max(MAX_SOURCE_TEXT_CHARS),
  title: z.string().max(500).optional(),
  /** Proposed from the text when absent. */
  language: languageSchema.optional(),
  /** ISO 8601 publish date, used for freshness. */
  publishedAt: z.string().nullable().optional(),
});

export type AnalyseInput = z.infer<typeof analyseInputSchema>;
