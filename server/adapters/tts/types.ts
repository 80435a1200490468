import type { TtsProviderId, TtsVoice } from '../../../contracts/voice.ts';
import type { EncodedAudioFormat } from '../ffmpeg/audio.ts';

export type { TtsProviderId, TtsVoice };

export interface SynthesisRequest {
  text: string;
  voiceId: string;
  /** ISO 639-1 code of the text ('en', 'ru'). */
  language: string;
  /** Multiplier of the voice's normal rate; providers clamp it to what they support. */
  speed: number;
  /** Multiplier of the voice's normal pitch; ignored by providers without pitch control. */
  pitch?: number;
  signal?: AbortSignal;
}

/** Timed units of the synthesised text, in seconds from the start of the returned audio. */
export interface TtsAlignment {
  unit: 'character' | 'word';
  items: Array<{ text: string; start: number; end: number }>;
}

export interface SynthesisResult {
  audio: Buffer;
  format: EncodedAudioFormat;
  /** Needed for raw PCM formats only. */
  sampleRate?: number;
  alignment?: TtsAlignment;
}

export interface TtsProvider {
  readonly id: TtsProviderId;
  /**
   * Everything besides voice, speed and pitch that changes the audio (engine, model, output
   * format...). Part of narration cache keys, so changing it never reuses stale audio.
   */
  readonly fingerprint: string;
  /** Whether synthesize() returns an alignment; without one, narration times phrases itself. */
  readonly givesAlignment: boolean;
  /** How many synthesize() calls narration may run at once. */
  readonly maxConcurrency: number;
  listVoices(language?: string): Promise<TtsVoice[]>;
  synthesize(request: SynthesisRequest): Promise<SynthesisResult>;
}
