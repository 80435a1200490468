import type { ProviderId, ProviderSettings } from '../../../contracts/providers.ts';
import type { Config } from '../../config.ts';

/** What the operator configured through the environment for one provider. */
export interface OperatorProvider {
  apiKey?: string;
  /** Defaults a user's own settings are laid over. */
  settings: ProviderSettings;
  /** Offered to every user (a key, or for keyless servers a URL, is set). */
  configured: boolean;
  /** The base URL the operator's key belongs to (the provider's own when the operator set none). */
  baseUrl: string;
  /** Every address of the operator's server for this provider (HeyGen uploads go to a second host). */
  urls: string[];
}

const OPENAI_API = 'https://api.openai.com/v1';

export function operatorProvider(config: Config, provider: ProviderId): OperatorProvider {
  const entry = (apiKey: string | undefined, settings: ProviderSettings, configured: boolean, baseUrl: string, extraUrls: string[] = []): OperatorProvider => ({
    apiKey,
    settings,
    configured,
    baseUrl,
    urls: [baseUrl, ...extraUrls],
  });
  switch (provider) {
    case 'openai':
      return entry(
        config.OPENAI_API_KEY,
        { baseUrl: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, enabled: config.WRITER_PROVIDER === 'openai' },
        config.WRITER_PROVIDER === 'openai' || Boolean(config.OPENAI_API_KEY),
        config.OPENAI_BASE_URL,
      );
    case 'anthropic':
      return entry(
        config.ANTHROPIC_API_KEY,
        { baseUrl: config.ANTHROPIC_BASE_URL, model: config.ANTHROPIC_MODEL, enabled: config.WRITER_PROVIDER === 'anthropic' },
        Boolean(config.ANTHROPIC_API_KEY),
        config.ANTHROPIC_BASE_URL,
      );
    case 'elevenlabs':
      return entry(config.ELEVENLABS_API_KEY, { baseUrl: config.ELEVENLABS_BASE_URL, model: config.ELEVENLABS_MODEL }, Boolean(config.ELEVENLABS_API_KEY), config.ELEVENLABS_BASE_URL);
    case 'openai-tts':
      // Without OPENAI_TTS_BASE_URL the speech endpoint is OpenAI's own, and the settings say so only when a key exists.
      return entry(
        config.OPENAI_TTS_API_KEY,
        { baseUrl: config.OPENAI_TTS_BASE_URL, model: config.OPENAI_TTS_MODEL, voices: config.OPENAI_TTS_VOICES },
        Boolean(config.OPENAI_TTS_BASE_URL),
        config.OPENAI_TTS_BASE_URL ?? OPENAI_API,
      );
    case 'pexels':
      return entry(config.PEXELS_API_KEY, { baseUrl: config.PEXELS_BASE_URL }, Boolean(config.PEXELS_API_KEY), config.PEXELS_BASE_URL);
    case 'openai-stt':
      return entry(
        config.OPENAI_STT_API_KEY,
        { baseUrl: config.OPENAI_STT_BASE_URL, model: config.OPENAI_STT_MODEL },
        Boolean(config.OPENAI_STT_BASE_URL || config.OPENAI_STT_API_KEY),
        config.OPENAI_STT_BASE_URL ?? OPENAI_API,
      );
    case 'heygen':
      return entry(config.HEYGEN_API_KEY, { baseUrl: config.HEYGEN_BASE_URL }, Boolean(config.HEYGEN_API_KEY), config.HEYGEN_BASE_URL, [config.HEYGEN_UPLOAD_BASE_URL]);
    case 'youtube':
      return entry(config.YOUTUBE_API_KEY, { baseUrl: config.YOUTUBE_BASE_URL }, Boolean(config.YOUTUBE_API_KEY), config.YOUTUBE_BASE_URL);
    case 'instagram':
      return entry(config.INSTAGRAM_ACCESS_TOKEN, { baseUrl: config.INSTAGRAM_BASE_URL }, Boolean(config.INSTAGRAM_ACCESS_TOKEN), config.INSTAGRAM_BASE_URL);
  }
}

/** Two base URLs name the same endpoint: same scheme, host, port and path (a trailing slash aside). */
export function sameEndpoint(a: string, b: string): boolean {
  const normal = (raw: string) => {
    const url = new URL(raw);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  };
  try {
    return normal(a) === normal(b);
  } catch {
    return false;
  }
}
