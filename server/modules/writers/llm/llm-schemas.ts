import { z } from 'zod';
import { analysisBreakdownSchema } from '../../../../contracts/analysis.ts';
import { formatSchema } from '../../../../contracts/formats.ts';
import { sceneRoleSchema, variantStyleSchema } from '../../../../contracts/script.ts';

/*
 * What the model is asked for. The server adds what it can compute itself (ids, word counts,
 * seconds, speaking time, language) and then validates the result with the contract schemas.
 */

const score = z.number().int().min(0).max(100);

export const analysisDraftSchema = z.object({
  score,
  breakdown: analysisBreakdownSchema,
  verdict: z.string().min(1).max(400),
  keyFacts: z.array(z.string().min(1)).max(8),
  recommendedFormat: formatSchema,
});
export type AnalysisDraft = z.infer<typeof analysisDraftSchema>;

export const variantDraftSchema = z.object({
  style: variantStyleSchema,
  text: z.string().trim().min(1).max(1000),
  score,
});

export const sceneDraftSchema = z.object({
  role: sceneRoleSchema,
  variants: z.array(variantDraftSchema).min(3).max(6),
});

export const scriptDraftSchema = z.object({ scenes: z.array(sceneDraftSchema).min(2).max(12) });
export type ScriptDraft = z.infer<typeof scriptDraftSchema>;

export const sceneVariantsDraftSchema = z.object({ variants: z.array(variantDraftSchema).min(3).max(6) });
export type SceneVariantsDraft = z.infer<typeof sceneVariantsDraftSchema>;

export const metadataDraftSchema = z.object({
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().min(1).max(2200),
  hashtags: z.array(z.string().min(2)).min(1).max(10),
});
