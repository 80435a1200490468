import { z } from 'zod';
import { formatSchema, languageSchema, sourceTypeSchema } from './formats.ts';
import { MAX_SOURCE_TEXT_CHARS } from './text-limits.ts';

export const SCENE_ROLES = ['hook', 'body', 'cta'] as const;
export const sceneRoleSchema = z.enum(SCENE_ROLES);
export type SceneRole = z.infer<typeof sceneRoleSchema>;

/** How a variant opens: a question, a bold claim, the number first, or plainly. */
export const VARIANT_STYLES = ['question', 'bold', 'number', 'plain'] as const;
export const variantStyleSchema = z.enum(VARIANT_STYLES);
export type VariantStyle = z.infer<typeof variantStyleSchema>;

export const WRITERS = ['offline', 'openai', 'anthropic'] as const;

export const sceneIdSchema = z.string().regex(/^s\d+$/, 'scene ids look like "s1"');
export const variantIdSchema = z.string().regex(/^s\d+-v\d+$/, 'variant ids look like "s1-v2"');

export const scriptVariantSchema = z.object({
  id: variantIdSchema,
  style: variantStyleSchema,
  text: z.string().trim().min(1).max(1000),
  words: z.number().int().min(1),
  /** words / SPEAKING_RATE_WPS[language], one decimal. */
  seconds: z.number().min(0),
  score: z.number().int().min(0).max(100),
});

export const generatedSceneSchema = z.object({
  id: sceneIdSchema,
  role: sceneRoleSchema,
  /** The length the scene was planned for. */
  targetWords: z.number().int().min(1),
  /** Usually three or more; the offline writer offers fewer for a scene where only fewer read well. */
  variants: z.array(scriptVariantSchema).min(1),
});

export const generatedScriptSchema = z.object({
  language: languageSchema,
  format: formatSchema,
  targetSec: z.number().min(1),
  /** The source's title, kept for publish metadata. */
  title: z.string(),
  scenes: z.array(generatedSceneSchema).min(2),
  /** Words and seconds of the best-scored variant of every scene. */
  totalWords: z.number().int().min(0),
  totalSeconds: z.number().min(0),
  /** The writer, or 'library' for a script taken from the scripts library as it was saved. */
  writer: z.enum([...WRITERS, 'library']),
});

export type ScriptVariant = z.infer<typeof scriptVariantSchema>;
export type GeneratedScene = z.infer<typeof generatedSceneSchema>;
export type GeneratedScript = z.infer<typeof generatedScriptSchema>;

export const writeScriptInputSchema = z.object({
  text: z.string().trim().min(1, 'the source text is empty').max(MAX_SOURCE_TEXT_CHARS),
  title: z.string().max(500).optional(),
  language: languageSchema,
  format: formatSchema,
  targetSec: z.number().int().min(5).max(600),
  sourceType: sourceTypeSchema.optional(),
  /** The author's standing rules and notes ("never open with a question"); LLM writers follow them. */
  guidance: z.array(z.string().trim().min(1).max(2100)).max(20).optional(),
});
export type WriteScriptInput = z.infer<typeof writeScriptInputSchema>;

export const regenerateSceneInputSchema = z.object({
  script: generatedScriptSchema,
  sceneId: sceneIdSchema,
  source: writeScriptInputSchema,
});
export type RegenerateSceneInput = z.infer<typeof regenerateSceneInputSchema>;

/** A script to describe: the chosen scene texts (a stage-3 final script fits). */
export const publishMetadataInputSchema = z.object({
  language: languageSchema,
  title: z.string().max(500).optional(),
  format: formatSchema.optional(),
  scenes: z.array(z.object({ role: sceneRoleSchema.optional(), text: z.string() })).min(1),
});
export type PublishMetadataInput = z.infer<typeof publishMetadataInputSchema>;

export const hashtagSchema = z.string().regex(/^#[\p{L}\p{N}_]{2,40}$/u, 'a hashtag is # followed by letters, digits or _');

export const publishMetadataSchema = z.object({
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().min(1).max(2200),
  hashtags: z.array(hashtagSchema).min(1).max(10),
});
export type PublishMetadata = z.infer<typeof publishMetadataSchema>;
