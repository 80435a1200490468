import { z } from 'zod';
import { languageSchema } from './formats.ts';
import { sceneTimingSchema } from './step-data.ts';

/** Voice providers behind the one TtsProvider interface (server/adapters/tts). */
export const TTS_PROVIDER_IDS = ['festival', 'espeak', 'local', 'elevenlabs', 'openai'] as const;
export const ttsProviderIdSchema = z.enum(TTS_PROVIDER_IDS);
export type TtsProviderId = z.infer<typeof ttsProviderIdSchema>;

export const DEFAULT_TTS_PROVIDER: TtsProviderId = 'espeak';

/** Pause inserted between scenes of a narration, in seconds. */
export const DEFAULT_SCENE_PAUSE_SEC = 0.35;
export const MAX_SCENE_PAUSE_SEC = 3;

/** Loudness every narration and converted own recording is normalised to. */
export const TARGET_LOUDNESS_LUFS = -14;
export const MAX_TRUE_PEAK_DBTP = -1;

/** The track narration and own-audio conversion produce: what the render muxes. */
export const NARRATION_TRACK = { container: 'wav', codec: 'pcm_s16le', sampleRate: 48_000, channels: 1 } as const;

export const ttsVoiceSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string(),
  /** ISO 639-1 code ('en', 'ru', ...) or 'multi' for voices that speak any supported language. */
  language: z.string(),
  gender: z.enum(['male', 'female', 'neutral']).optional(),
  provider: ttsProviderIdSchema,
  /** Set for a local model the server found but cannot use: its files are incomplete or the runtime cannot load it. */
  unavailable: z.object({ reason: z.enum(['missing-files', 'load-failed']), message: z.string() }).optional(),
});
export type TtsVoice = z.infer<typeof ttsVoiceSchema>;

/** What the author picks in stage 4; speed and pitch are multipliers of the voice's default. */
export const voiceSettingsSchema = z.object({
  provider: ttsProviderIdSchema,
  voiceId: z.string().min(1).max(200),
  speed: z.number().min(0.25).max(4).optional(),
  pitch: z.number().min(0.5).max(1.5).optional(),
  pauseSec: z.number().min(0).max(MAX_SCENE_PAUSE_SEC).optional(),
});
export type VoiceSettings = z.infer<typeof voiceSettingsSchema>;

export const narrationSceneSchema = z.object({
  id: z.string().min(1).max(200),
  text: z.string().min(1).max(5000),
});

/** Input of a narration job: the scenes of stage 4's script, the language and the voice. */
export const narrationRequestSchema = z.object({
  scenes: z.array(narrationSceneSchema).min(1).max(100),
  language: languageSchema,
  voice: voiceSettingsSchema,
});
export type NarrationRequest = z.infer<typeof narrationRequestSchema>;

/** Timings of a track: the `audio` part of step 4 without the asset id. */
export const narrationTimingsSchema = z.object({
  durationSec: z.number().min(0),
  segments: z.array(sceneTimingSchema),
});
export type NarrationTimings = z.infer<typeof narrationTimingsSchema>;

/** Own voice uploads: detected from the content, never from the name or the declared type. */
export const OWN_AUDIO_KINDS = ['mp3', 'wav', 'm4a', 'ogg'] as const;
export type OwnAudioKind = (typeof OWN_AUDIO_KINDS)[number];
export const OWN_AUDIO_MAX_BYTES = 50 * 1024 * 1024;
