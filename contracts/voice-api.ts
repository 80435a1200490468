import { z } from 'zod';
import { languageSchema } from './formats.ts';
import { sceneTimingSchema } from './step-data.ts';
import { ttsProviderIdSchema, ttsVoiceSchema, voiceSettingsSchema } from './voice.ts';

/*
 * Stage 4 (voice) over HTTP: the voice catalogue, previews, narration jobs, own audio and the
 * timings later stages caption with. Step 4's stored shape is described at the bottom.
 */

const sceneId = z.string().min(1).max(200);

export const voiceProviderStatusSchema = z.object({
  id: ttsProviderIdSchema,
  label: z.string(),
  /** Usable by this user now: espeak always; remote ones once a key / server is configured. */
  available: z.boolean(),
  source: z.enum(['embedded', 'user', 'server']).nullable(),
  /** Why the provider's voices could not be listed (bad key, unreachable...), else null. */
  error: z.string().nullable(),
  givesAlignment: z.boolean(),
});
export type VoiceProviderStatus = z.infer<typeof voiceProviderStatusSchema>;

export const voiceCatalogSchema = z.object({
  providers: z.array(voiceProviderStatusSchema),
  voices: z.array(ttsVoiceSchema),
});
export type VoiceCatalog = z.infer<typeof voiceCatalogSchema>;

export const voicesQuerySchema = z.object({ language: languageSchema.optional() });

export const voicePreviewBodySchema = voiceSettingsSchema.extend({
  language: languageSchema,
  /** A short sentence to say; a greeting in the language when absent. */
  text: z.string().trim().min(1).max(300).optional(),
});
export type VoicePreviewBody = z.infer<typeof voicePreviewBodySchema>;

export const startNarrationBodySchema = z
  .object({
    /** The scenes the author asked to regenerate; every other scene comes from the cache when unchanged. */
    sceneIds: z.array(sceneId).min(1).max(100).optional(),
  })
  .optional();

export const ownAudioQuerySchema = z.object({
  /** Audio for one scene; absent means one recording of the whole script. */
  sceneId: sceneId.optional(),
  /** Recorded in the browser (MediaRecorder): WebM/Opus is accepted besides MP3, WAV, M4A and OGG. */
  recorded: z.enum(['true', 'false']).optional(),
});

export const sceneBoundarySchema = z.object({ sceneId, start: z.number().min(0), end: z.number().min(0) });
export type SceneBoundary = z.infer<typeof sceneBoundarySchema>;
export const boundariesBodySchema = z.object({ boundaries: z.array(sceneBoundarySchema).min(1).max(100) });

export const narrationTimingsResultSchema = z.object({
  /** 'narration': timed from step 4's audio; 'reading-speed': stage 4 skipped or not narrated yet. */
  source: z.enum(['narration', 'reading-speed']),
  audioAssetId: z.string().nullable(),
  language: languageSchema,
  durationSec: z.number().min(0),
  segments: z.array(sceneTimingSchema),
});
export type NarrationTimingsResult = z.infer<typeof narrationTimingsResultSchema>;

/* What stage 4 keeps in its step (all loose: the step store keeps unknown fields). */

export const stage4ScriptSchema = z.looseObject({
  scenes: z.array(z.looseObject({ id: sceneId, text: z.string(), role: z.string().optional() })),
  /** Version of step 3 the copy was taken from (also sent as derivedFrom {"3": v}). */
  sourceVersion: z.number().int(),
  /** Step 3's final script scenes as copied, so a later change in stage 3 can be told from edits made here. */
  base: z.array(z.object({ id: sceneId, text: z.string() })).optional(),
});
export type Stage4Script = z.infer<typeof stage4ScriptSchema>;

export const stage4AudioSchema = z.looseObject({
  assetId: z.string(),
  durationSec: z.number().min(0),
  segments: z.array(sceneTimingSchema),
  /** One asset per scene, for playing a scene alone. */
  sceneAssetIds: z.record(z.string(), z.string()).optional(),
  source: z.enum(['tts', 'own']),
  /** The text each scene had when it was voiced; differs from the script once the script is edited. */
  narratedText: z.record(z.string(), z.string()),
  voice: voiceSettingsSchema.optional(),
  timingSource: z.record(z.string(), z.string()).optional(),
  loudness: z.looseObject({ integratedLufs: z.number(), truePeakDbtp: z.number() }).optional(),
  createdAt: z.string(),
});
export type Stage4Audio = z.infer<typeof stage4AudioSchema>;

export const ownRecordingSchema = z.object({ assetId: z.string(), durationSec: z.number().min(0) });
export type OwnRecording = z.infer<typeof ownRecordingSchema>;

/** Own voice: one recording of the whole script (with adjustable scene boundaries) or one per scene. */
export const stage4OwnSchema = z.looseObject({
  scope: z.enum(['whole', 'scenes']),
  whole: ownRecordingSchema.optional(),
  scenes: z.record(z.string(), ownRecordingSchema).optional(),
});
export type Stage4Own = z.infer<typeof stage4OwnSchema>;
