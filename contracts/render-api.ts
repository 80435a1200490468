import { z } from 'zod';
import { assetSchema } from './assets.ts';
import { aspectSchema } from './formats.ts';
import { jobSchema } from './jobs.ts';
import { qualityPresetSchema } from './render-plan.ts';
import { publishMetadataSchema } from './script.ts';

/*
 * Stage 7 (render and export) over HTTP. What step 7 stores is in step-data.ts (stage7Schema):
 * settings, jobId, outputs (asset ids) and publish (title, description, hashtags).
 */

export const renderBodySchema = z
  .object({
    aspect: aspectSchema.optional().describe('9:16 (1080x1920, default), 1:1 (1080x1080) or 16:9 (1920x1080)'),
    quality: qualityPresetSchema.optional().describe('draft (fastest), standard (default) or high (smaller, slower)'),
  })
  .optional();
export type RenderBody = z.infer<typeof renderBodySchema>;

export const renderSettingsSchema = z.object({ aspect: aspectSchema, quality: qualityPresetSchema });
export type RenderSettingsBody = z.infer<typeof renderSettingsSchema>;

/** The files of the latest finished render. */
export const renderOutputsSchema = z.object({
  video: assetSchema,
  srt: assetSchema.nullable(),
  vtt: assetSchema.nullable(),
  thumbnail: assetSchema.nullable(),
  script: assetSchema.nullable(),
  durationSec: z.number().min(0),
  aspect: aspectSchema.nullable(),
  renderedAt: z.string().nullable(),
});
export type RenderOutputs = z.infer<typeof renderOutputsSchema>;

export const renderStateSchema = z.object({
  settings: renderSettingsSchema,
  /** The latest render job (queued, running or ended), or null when none was started. */
  job: jobSchema.nullable(),
  outputs: renderOutputsSchema.nullable(),
  publish: publishMetadataSchema.nullable(),
  /** How the video would be timed now: by step 4's narration, or by reading speed (silent or music only). */
  timing: z.enum(['narration', 'reading-speed']).nullable(),
  /** What stops a render now (the plan's problems, each naming its field); empty when it can start. */
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
  /** The source article's address and a credit line per picture the video shows (drafted descriptions end with them). */
  credits: z.object({ sourceUrl: z.string().nullable(), lines: z.array(z.string()) }),
});
export type RenderState = z.infer<typeof renderStateSchema>;

export const publishBodySchema = publishMetadataSchema;
export type PublishBody = z.infer<typeof publishBodySchema>;

/** What the render.video job returns. */
export const renderJobResultSchema = z.object({
  videoAssetId: z.string(),
  durationSec: z.number(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
});
export type RenderJobResult = z.infer<typeof renderJobResultSchema>;
