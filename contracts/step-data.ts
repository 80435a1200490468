import { z } from 'zod';
import { aspectSchema, formatSchema, languageSchema, sourceTypeSchema } from './formats.ts';
import { musicChoiceSchema } from './music.ts';
import { captionStyleSchema, cardDesignSchema, cardPaletteSchema, motionSchema, qualityPresetSchema, transitionSchema } from './render-plan.ts';

/*
 * Per-stage step data. Every object is loose: known fields are type-checked, unknown fields are
 * kept as sent. Every field is optional because screens save a stage's data as it is built.
 * No defaults or transforms here: the server validates with these schemas but stores the body as sent.
 */

const seconds = z.number().min(0).max(24 * 3600);
const id = z.string().min(1).max(200);

export const wordTimingSchema = z.looseObject({ word: z.string(), start: seconds, end: seconds });
export const sceneTimingSchema = z.looseObject({
  sceneId: id,
  start: seconds,
  end: seconds,
  words: z.array(wordTimingSchema).optional(),
});

export const scriptSceneSchema = z.looseObject({
  id,
  text: z.string().max(5000),
  role: z.enum(['hook', 'body', 'cta']).optional(),
});

export const analysisSchema = z.looseObject({
  score: z.number().min(0).max(100).optional(),
  breakdown: z.record(z.string(), z.number().min(0).max(100)).optional(),
  verdict: z.string().optional(),
  keyFacts: z.array(z.string()).optional(),
  recommendedFormat: formatSchema.optional(),
  speakingTimeSec: seconds.optional(),
});

export const stage1Schema = z.looseObject({
  sourceType: sourceTypeSchema.optional(),
  idea: z.string().max(2000).optional(),
  text: z.string().optional(),
  url: z.string().max(2048).optional(),
  newsItemId: z.string().optional(),
  format: formatSchema.optional(),
  language: languageSchema.optional(),
  targetDurationSec: z.number().int().min(5).max(600).optional(),
});

export const stage2Schema = z.looseObject({
  title: z.string().max(500).optional(),
  text: z.string().optional(),
  url: z.string().max(2048).optional(),
  /** Article images: `url` always; alt, caption, credit, width, height and position when the page gave them (articleImageSchema). */
  images: z.array(z.looseObject({ url: z.string() })).optional(),
  analysis: analysisSchema.optional(),
});

export const finalScriptSchema = z.looseObject({
  scenes: z.array(scriptSceneSchema),
  selectedVariants: z.record(z.string(), z.string()).optional(),
  totalWords: z.number().int().min(0).optional(),
  duration: seconds.optional(),
});

export const stage3Schema = z.looseObject({
  generatedVariants: z.looseObject({ scenes: z.array(z.looseObject({ id })).optional() }).optional(),
  selectedVariants: z.record(z.string(), z.string()).optional(),
  finalScript: finalScriptSchema.optional(),
});

export const stage4Schema = z.looseObject({
  mode: z.enum(['tts', 'upload', 'record']).optional(),
  script: z.looseObject({ scenes: z.array(scriptSceneSchema).optional(), sourceVersion: z.number().int().optional() }).optional(),
  voice: z.looseObject({ provider: z.string().optional(), voiceId: z.string().optional(), speed: z.number().min(0.25).max(4).optional() }).optional(),
  audio: z
    .looseObject({ assetId: z.string().optional(), durationSec: seconds.optional(), segments: z.array(sceneTimingSchema).optional() })
    .optional(),
});

/** Stage 5: an optional talking-head clip from an avatar provider. */
export const stage5Schema = z.looseObject({
  provider: z.string().optional(),
  avatarId: z.string().optional(),
  /** The provider's id of the clip being made, for status polling. */
  providerJobId: z.string().optional(),
  status: z.enum(['none', 'queued', 'processing', 'ready', 'failed']).optional(),
  clipAssetId: z.string().optional(),
  /** Full frame replaces every scene's visual; corner overlays the clip on the visuals. */
  placement: z.enum(['full', 'corner']).optional(),
  error: z.string().optional(),
  /** The failure as a stable code (contracts/job-failures.ts), for screens in other languages. */
  errorCode: z.string().optional(),
});

/**
 * One scene's visual in the storyboard. Every kind that has bytes points at an asset of the
 * project (uploads, downloaded article images and stock media are stored as assets first).
 */
export const storyboardVisualSchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('card'), design: cardDesignSchema.optional(), palette: cardPaletteSchema.optional(), keywords: z.array(z.string().max(60)).max(8).optional() }),
  z.looseObject({ kind: z.literal('image'), assetId: id }),
  /**
   * An uploaded clip, or a cut of the project's video source, muted or with its sound: from
   * startAtSec for the scene's length, or the part up to endAtSec, played again when shorter than the scene.
   */
  z.looseObject({ kind: z.literal('video'), assetId: id, startAtSec: seconds.optional(), endAtSec: seconds.optional(), audio: z.enum(['muted', 'original']).optional() }),
  z.looseObject({ kind: z.literal('article-image'), assetId: id, sourceUrl: z.string().max(2048).optional() }),
  z.looseObject({
    kind: z.literal('stock'),
    assetId: id,
    media: z.enum(['photo', 'video']),
    provider: z.string(),
    /** Kept for attribution: who made it and where it came from. */
    author: z.string().max(300).optional(),
    sourceUrl: z.string().max(2048).optional(),
  }),
]);
export type StoryboardVisual = z.infer<typeof storyboardVisualSchema>;

export const storyboardSceneSchema = z.looseObject({
  sceneId: id,
  visual: storyboardVisualSchema.optional(),
  motion: motionSchema.optional(),
  /** The transition into this scene from the previous one. */
  transition: transitionSchema.optional(),
});

export const stage6Schema = z.looseObject({
  scenes: z.array(storyboardSceneSchema).optional(),
  music: z
    .looseObject({
      /** 'auto' (the default), 'off' or a mood; an uploaded track (assetId) wins over it. */
      mood: musicChoiceSchema.optional(),
      assetId: id.optional(),
      volume: z.number().min(0).max(1).optional(),
      duck: z.boolean().optional(),
    })
    .nullable()
    .optional(),
  captionStyle: captionStyleSchema.partial().optional(),
  /** When the automatic stock fill last ran to the end: opening the storyboard does not fill again over the author's choices. */
  stockFilledAt: z.string().optional(),
});

export const stage7Schema = z.looseObject({
  settings: z.looseObject({ aspect: aspectSchema.optional(), quality: qualityPresetSchema.optional() }).optional(),
  jobId: z.string().optional(),
  /** Assets of the latest finished render. */
  outputs: z
    .looseObject({
      videoAssetId: z.string().optional(),
      srtAssetId: z.string().optional(),
      vttAssetId: z.string().optional(),
      thumbnailAssetId: z.string().optional(),
      scriptAssetId: z.string().optional(),
      durationSec: seconds.optional(),
    })
    .optional(),
  publish: z.looseObject({ title: z.string().optional(), description: z.string().optional(), hashtags: z.array(z.string()).optional() }).optional(),
});

export const stage8Schema = z.looseObject({
  posts: z.array(z.looseObject({ platform: z.string().optional(), url: z.string().optional() })).optional(),
});

export const STEP_DATA_SCHEMAS = {
  1: stage1Schema,
  2: stage2Schema,
  3: stage3Schema,
  4: stage4Schema,
  5: stage5Schema,
  6: stage6Schema,
  7: stage7Schema,
  8: stage8Schema,
} as const;

export type Stage1Data = z.infer<typeof stage1Schema>;
export type Stage2Data = z.infer<typeof stage2Schema>;
export type Stage3Data = z.infer<typeof stage3Schema>;
export type Stage4Data = z.infer<typeof stage4Schema>;
export type Stage6Data = z.infer<typeof stage6Schema>;
export type Stage5Data = z.infer<typeof stage5Schema>;
export type Stage7Data = z.infer<typeof stage7Schema>;
export type FinalScript = z.infer<typeof finalScriptSchema>;
export type SceneTiming = z.infer<typeof sceneTimingSchema>;
export type WordTiming = z.infer<typeof wordTimingSchema>;
