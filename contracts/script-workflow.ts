import { z } from 'zod';
import { projectIdSchema } from './projects.ts';
import { sceneIdSchema } from './script.ts';

/**
 * Stage 3 as the constructor stores it (step 3 data):
 * - `generatedVariants`: the GeneratedScript written by the script job (scenes with their variants);
 * - `selectedVariants`: sceneId -> picked variant id;
 * - `choices`: sceneId -> {variantId?, text?}; `text` is the author's edit or own text and wins;
 * - `finalScript`: saved on "continue"; every saved one is also a row in script_versions.
 */
export const sceneChoiceSchema = z.object({
  variantId: z.string().max(40).nullable().optional(),
  text: z.string().max(1000).nullable().optional(),
  /** Leave the scene out of the final script (the fast path leaves out scenes that are only places to fill in). */
  omit: z.boolean().optional(),
});
export type SceneChoiceBody = z.infer<typeof sceneChoiceSchema>;

export const generateScriptBodySchema = z
  .object({
    /** Regenerate only this scene; the others stay exactly as they are. */
    sceneId: sceneIdSchema.optional(),
    /** Confirms a full regeneration that drops the author's choices (409 without it). */
    replace: z.boolean().optional(),
  })
  .optional();
export type GenerateScriptBody = z.infer<typeof generateScriptBodySchema>;

export const saveFinalScriptBodySchema = z.object({
  choices: z.record(sceneIdSchema, sceneChoiceSchema),
  /** Also mark stage 3 complete (the "continue" button). */
  complete: z.boolean().optional(),
  /** The step-3 version the choices were made on; 412 if it moved on. */
  baseVersion: z.number().int().min(0).optional(),
});
export type SaveFinalScriptBody = z.infer<typeof saveFinalScriptBodySchema>;

export const scriptVersionSchema = z.object({
  /** The step-3 version that saved this script; what revert takes. */
  version: z.number().int(),
  /** 1 for the first saved script, 2 for the next...: what the history shows. */
  number: z.number().int(),
  createdAt: z.string(),
  totalWords: z.number().int().nullable(),
  duration: z.number().nullable(),
  sceneCount: z.number().int(),
  /** The start of the script, for the history list. */
  preview: z.string(),
  finalScript: z.record(z.string(), z.unknown()),
});
export type ScriptVersion = z.infer<typeof scriptVersionSchema>;

export const scriptVersionParamsSchema = z.object({
  id: projectIdSchema,
  version: z.coerce.number().int().min(1, 'must be a version number'),
});
