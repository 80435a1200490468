import type { VoiceCatalog } from '../../../../contracts/voice-api.ts';
import type { TtsProviderId, VoiceSettings } from '../../../../contracts/voice.ts';

const PROVIDERS: readonly TtsProviderId[] = ['festival', 'espeak', 'local', 'elevenlabs', 'openai'];
/** espeak-ng's default voice per language (server/adapters/tts/espeak/voices.ts). */
const DEFAULT_ESPEAK_VOICE: Record<string, string> = { en: 'en-us', ru: 'ru' };

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The voice saved in step 4, else the most natural offline voice: festival's when the server has it, else espeak-ng's. */
export function readVoice(saved: unknown, language: string, catalog?: VoiceCatalog): VoiceSettings {
  const raw = (saved && typeof saved === 'object' ? saved : {}) as Record<string, unknown>;
  const hasFestival = catalog?.voices.some((v) => v.provider === 'festival' && v.language === language) ?? false;
  const provider = PROVIDERS.find((p) => p === raw.provider) ?? (hasFestival ? 'festival' : 'espeak');
  const firstVoice = catalog?.voices.find((v) => v.provider === provider && !v.unavailable && (v.language === language || v.language === 'multi'))?.id;
  const voiceId = typeof raw.voiceId === 'string' && raw.voiceId ? raw.voiceId : provider === 'espeak' ? (DEFAULT_ESPEAK_VOICE[language] ?? 'en-us') : (firstVoice ?? '');
  return {
    provider,
    voiceId,
    ...(isNumber(raw.speed) ? { speed: raw.speed } : {}),
    ...(isNumber(raw.pitch) ? { pitch: raw.pitch } : {}),
    ...(isNumber(raw.pauseSec) ? { pauseSec: raw.pauseSec } : {}),
  };
}

const normal = (voice: Partial<VoiceSettings> | undefined) => [voice?.provider, voice?.voiceId, voice?.speed ?? 1, voice?.pitch ?? 1, voice?.pauseSec ?? 0.35].join('|');

/** Whether two voice settings sound the same (absent speed, pitch and pause are the defaults). */
export const sameVoice = (a: Partial<VoiceSettings> | undefined, b: Partial<VoiceSettings> | undefined) => normal(a) === normal(b);
