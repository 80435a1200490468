import type { VoiceSettings } from '../../../contracts/voice.ts';
import { DEFAULT_ESPEAK_VOICE } from './espeak/voices.ts';
import { installedFestivalVoices } from './festival/voices.ts';

/**
 * The most natural offline voice installed for the language: festival's (HTS for English,
 * clunits for Russian) when Debian's packages are there, else espeak-ng, which always is.
 */
export function defaultOfflineVoice(language: string, env: NodeJS.ProcessEnv = process.env): VoiceSettings {
  const festival = installedFestivalVoices(env).find((voice) => voice.language === language);
  if (festival) return { provider: 'festival', voiceId: festival.id };
  return { provider: 'espeak', voiceId: DEFAULT_ESPEAK_VOICE[language] ?? 'en-us' };
}
