import { z } from 'zod';
import { jobFailureCodeSchema } from './job-failures.ts';
import { assetSchema } from './assets.ts';
import { jobSchema } from './jobs.ts';

/*
 * Stage 5 (avatar) over HTTP: the provider's avatars and voices, making a talking-head clip from
 * the narration or the script as a job, and where the clip goes in the video. What is stored
 * stays the step-5 shape of contracts/step-data.ts (plus `source` and `voiceId`).
 */

export const AVATAR_PLACEMENTS = ['corner', 'full'] as const;
export const avatarPlacementSchema = z.enum(AVATAR_PLACEMENTS);
export type AvatarPlacement = z.infer<typeof avatarPlacementSchema>;

export const avatarSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  previewImageUrl: z.string().nullable(),
  previewVideoUrl: z.string().nullable(),
  defaultVoiceId: z.string().nullable(),
});

export const avatarVoiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  language: z.string().nullable(),
  gender: z.string().nullable(),
  previewAudioUrl: z.string().nullable(),
});

export const avatarCatalogSchema = z.object({
  provider: z.literal('heygen'),
  avatars: z.array(avatarSummarySchema),
  voices: z.array(avatarVoiceSchema),
});
export type AvatarCatalog = z.infer<typeof avatarCatalogSchema>;

export const createClipBodySchema = z
  .object({
    avatarId: z.string().trim().min(1).max(200),
    /** 'narration': lip-synced to stage 4's audio; 'script': spoken by one of the provider's voices. */
    source: z.enum(['narration', 'script']),
    voiceId: z.string().trim().min(1).max(200).optional(),
    placement: avatarPlacementSchema.default('corner'),
  })
  .refine((body) => body.source !== 'script' || body.voiceId, { message: 'choose a voice to speak the script', path: ['voiceId'] });
export type CreateClipBody = z.infer<typeof createClipBodySchema>;

export const placementBodySchema = z.object({ placement: avatarPlacementSchema });

export const avatarStateSchema = z.object({
  provider: z.object({ id: z.literal('heygen'), label: z.string(), configured: z.boolean() }),
  /** Stage 4's narration, which a clip can be lip-synced to; null when there is none. */
  narration: z.object({ assetId: z.string(), durationSec: z.number() }).nullable(),
  /** The script as it would be spoken by the provider's voice. */
  scriptText: z.string(),
  status: z.enum(['none', 'queued', 'processing', 'ready', 'failed']),
  avatarId: z.string().nullable(),
  source: z.enum(['narration', 'script']).nullable(),
  voiceId: z.string().nullable(),
  placement: avatarPlacementSchema,
  error: z.string().nullable(),
  /** The failure as a stable code (contracts/job-failures.ts); null when it has none. */
  errorCode: jobFailureCodeSchema.nullable(),
  clip: assetSchema.nullable(),
  /** The latest clip job of the project (running, or how the last one ended). */
  job: jobSchema.nullable(),
  skipped: z.boolean(),
});
export type AvatarState = z.infer<typeof avatarStateSchema>;
