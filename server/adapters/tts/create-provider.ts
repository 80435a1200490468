import type { TtsProviderId, TtsVoice } from '../../../contracts/voice.ts';
import { ElevenLabsProvider, type ElevenLabsOptions } from './elevenlabs.ts';
import { EspeakProvider, type EspeakOptions } from './espeak/provider.ts';
import { FestivalProvider } from './festival/provider.ts';
import { OpenAiCompatibleProvider, type OpenAiCompatibleOptions, type OpenAiResponseFormat } from './openai-compatible.ts';
import type { TtsProvider } from './types.ts';

export type TtsProviderConfig =
  | { provider: 'festival' }
  | ({ provider: 'espeak' } & EspeakOptions)
  | ({ provider: 'elevenlabs' } & ElevenLabsOptions)
  | ({ provider: 'openai' } & OpenAiCompatibleOptions);

export function createTtsProvider(config: TtsProviderConfig): TtsProvider {
  switch (config.provider) {
    case 'festival':
      return new FestivalProvider();
    case 'espeak':
      return new EspeakProvider(config);
    case 'elevenlabs':
      return new ElevenLabsProvider(config);
    case 'openai':
      return new OpenAiCompatibleProvider(config);
  }
}

/** `id:Name:lang:gender,...` (name, language and gender optional) as used by OPENAI_TTS_VOICES. */
export function parseVoiceList(value: string): Array<Omit<TtsVoice, 'provider'>> {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [id = '', name, language, gender] = entry.split(':').map((part) => part.trim());
      const known = gender === 'male' || gender === 'female' || gender === 'neutral' ? gender : undefined;
      return { id, name: name || id, language: language || 'multi', ...(known ? { gender: known } : {}) };
    });
}

/**
 * Provider settings from environment variables: espeak always; ElevenLabs when ELEVENLABS_API_KEY
 * is set; OpenAI-compatible when OPENAI_TTS_BASE_URL (or OPENAI_API_KEY, for api.openai.com) is set.
 */
export function ttsConfigsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Record<TtsProviderId, TtsProviderConfig>> {
  const engine = env.ESPEAK_NG_ENGINE || 'auto';
  if (engine !== 'auto' && engine !== 'binary' && engine !== 'wasm') {
    throw new Error(`ESPEAK_NG_ENGINE: "${engine}" is not one of auto, binary, wasm`);
  }
  const configs: Partial<Record<TtsProviderId, TtsProviderConfig>> = {
    espeak: { provider: 'espeak', engine, binaryPath: env.ESPEAK_NG_PATH || undefined },
  };
  if (env.ELEVENLABS_API_KEY) {
    configs.elevenlabs = {
      provider: 'elevenlabs',
      apiKey: env.ELEVENLABS_API_KEY,
      baseUrl: env.ELEVENLABS_BASE_URL || undefined,
      modelId: env.ELEVENLABS_MODEL || undefined,
      outputFormat: env.ELEVENLABS_OUTPUT_FORMAT || undefined,
    };
  }
  const openAiKey = env.OPENAI_TTS_API_KEY || env.OPENAI_API_KEY;
  if (env.OPENAI_TTS_BASE_URL || openAiKey) {
    configs.openai = {
      provider: 'openai',
      baseUrl: env.OPENAI_TTS_BASE_URL || 'https://api.openai.com/v1',
      apiKey: openAiKey || undefined,
      model: env.OPENAI_TTS_MODEL || undefined,
      responseFormat: responseFormatFrom(env.OPENAI_TTS_FORMAT),
      voices: env.OPENAI_TTS_VOICES ? parseVoiceList(env.OPENAI_TTS_VOICES) : undefined,
    };
  }
  return configs;
}

const RESPONSE_FORMATS: OpenAiResponseFormat[] = ['wav', 'mp3', 'opus', 'aac', 'flac', 'pcm'];

function responseFormatFrom(value: string | undefined): OpenAiResponseFormat | undefined {
  if (!value) return undefined;
  const format = RESPONSE_FORMATS.find((f) => f === value);
  if (!format) throw new Error(`OPENAI_TTS_FORMAT: "${value}" is not one of ${RESPONSE_FORMATS.join(', ')}`);
  return format;
}
