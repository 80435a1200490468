import type { TtsVoice } from '../../../../contracts/voice.ts';

/**
 * The espeak-ng voices offered to authors: a language voice plus an optional variant (+m3, +f2...).
 * Both the system binary and the npm WASM build ship these variants.
 */
const CATALOG: ReadonlyArray<Omit<TtsVoice, 'provider'>> = [
  { id: 'en-us', name: 'English (US), male', language: 'en', gender: 'male' },
  { id: 'en-us+f3', name: 'English (US), female', language: 'en', gender: 'female' },
  { id: 'en-us+m3', name: 'English (US), male, deeper', language: 'en', gender: 'male' },
  { id: 'en-gb', name: 'English (UK), male', language: 'en', gender: 'male' },
  { id: 'en-gb+f2', name: 'English (UK), female', language: 'en', gender: 'female' },
  { id: 'en-gb-x-rp+m7', name: 'English (UK, RP), male, soft', language: 'en', gender: 'male' },
  { id: 'en-gb-scotland+f4', name: 'English (Scotland), female', language: 'en', gender: 'female' },
  { id: 'ru', name: 'Russian, male', language: 'ru', gender: 'male' },
  { id: 'ru+f3', name: 'Russian, female', language: 'ru', gender: 'female' },
  { id: 'ru+m3', name: 'Russian, male, deeper', language: 'ru', gender: 'male' },
  { id: 'ru+f2', name: 'Russian, female, higher', language: 'ru', gender: 'female' },
  { id: 'ru+m7', name: 'Russian, male, soft', language: 'ru', gender: 'male' },
];

export const DEFAULT_ESPEAK_VOICE: Record<string, string> = { en: 'en-us', ru: 'ru' };

export function espeakVoices(language?: string): TtsVoice[] {
  return CATALOG.filter((voice) => !language || voice.language === language).map((voice) => ({ ...voice, provider: 'espeak' }));
}

/** Voice names espeak-ng accepts: a language tag, optionally '+variant'. Nothing that could be an option. */
const VOICE_NAME = /^[a-z]{2,3}(-[a-z0-9]{1,8})*(\+[a-z0-9_]{1,20})?$/i;

export function isValidEspeakVoice(voiceId: string): boolean {
  return VOICE_NAME.test(voiceId);
}

/** espeak-ng's default rate is 175 words per minute and pitch 50 (of 0..99). */
export function espeakRate(speed: number): number {
  return Math.round(Math.min(450, Math.max(80, 175 * speed)));
}

export function espeakPitch(pitch = 1): number {
  return Math.round(Math.min(99, Math.max(0, 50 * pitch)));
}
