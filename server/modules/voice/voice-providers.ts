import { createHash } from 'node:crypto';
import type { VoiceCatalog, VoiceProviderStatus } from '../../../contracts/voice-api.ts';
import { TTS_PROVIDER_IDS, type TtsProviderId, type TtsVoice } from '../../../contracts/voice.ts';
import { createTtsProvider, parseVoiceList, type TtsProviderConfig } from '../../adapters/tts/create-provider.ts';
import { EspeakProvider } from '../../adapters/tts/espeak/provider.ts';
import { FestivalProvider } from '../../adapters/tts/festival/provider.ts';
import { LocalVoiceProvider } from '../../adapters/tts/local/provider.ts';
import type { TtsProvider } from '../../adapters/tts/types.ts';
import { languageSchema } from '../../../contracts/formats.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/errors.ts';
import type { CredentialsService } from '../credentials/credentials.service.ts';
import { alignSpokenText } from './own-alignment.ts';

export const PROVIDER_LABELS: Record<TtsProviderId, string> = {
  festival: 'festival (built in, natural)',
  espeak: 'espeak-ng (built in)',
  local: 'Voice models on this server',
  elevenlabs: 'ElevenLabs',
  openai: 'OpenAI-compatible speech',
};

/** Remote voice lists change rarely; each user's list is kept this long. */
const VOICE_LIST_TTL_MS = 10 * 60 * 1000;
/** The voice picker waits this long for a remote list; a provider that takes longer is reported, not waited for. */
const VOICE_LIST_WAIT_MS = 8000;

function withinTime<T>(work: Promise<T>, ms: number, id: TtsProviderId): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${PROVIDER_LABELS[id]} did not list its voices within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

interface ResolvedConfig {
  config: TtsProviderConfig | { provider: 'local'; modelsDir: string };
  source: VoiceProviderStatus['source'];
}

/**
 * The voice providers a user can use: espeak-ng always, ElevenLabs and OpenAI-compatible speech
 * when the user saved a key (or server) or the operator configured one.
 */
export class VoiceProviders {
  private espeakProvider: EspeakProvider | null = null;
  private festivalProvider: FestivalProvider | null = null;
  private localProvider: LocalVoiceProvider | null = null;
  private readonly voiceLists = new Map<string, { at: number; voices: TtsVoice[] }>();

  private readonly voiceListWaitMs: number;

  constructor(
    private readonly config: Config,
    private readonly credentials: Pick<CredentialsService, 'resolve'>,
    options: { voiceListWaitMs?: number } = {},
  ) {
    this.voiceListWaitMs = options.voiceListWaitMs ?? VOICE_LIST_WAIT_MS;
  }

  private espeak(): EspeakProvider {
    this.espeakProvider ??= new EspeakProvider({ engine: this.config.ESPEAK_NG_ENGINE, binaryPath: this.config.ESPEAK_NG_PATH });
    return this.espeakProvider;
  }

  private festival(): FestivalProvider {
    this.festivalProvider ??= new FestivalProvider();
    return this.festivalProvider;
  }

  private local(modelsDir: string): LocalVoiceProvider {
    const align = (samples: Float32Array, text: string, language: string) => alignSpokenText(samples, text, languageSchema.catch('en').parse(language));
    this.localProvider ??= new LocalVoiceProvider({ modelsDir, align });
    return this.localProvider;
  }

  /** The provider's settings; null when not set up, 409 PROVIDER_NOT_CONFIGURED when the user's settings cannot be used. */
  async resolve(ownerId: string, id: TtsProviderId): Promise<ResolvedConfig | null> {
    if (id === 'espeak') return { config: { provider: 'espeak' }, source: 'embedded' };
    if (id === 'festival') return this.festival().available ? { config: { provider: 'festival' }, source: 'embedded' } : null;
    if (id === 'local') return this.config.VOICE_MODELS_DIR ? { config: { provider: 'local', modelsDir: this.config.VOICE_MODELS_DIR }, source: 'server' } : null;
    const resolved = await this.credentials.resolve(ownerId, id === 'elevenlabs' ? 'elevenlabs' : 'openai-tts');
    if (resolved?.unavailable) throw new AppError('PROVIDER_NOT_CONFIGURED', resolved.unavailable, { provider: id });
    if (id === 'elevenlabs') {
      if (!resolved?.apiKey) return null;
      const { baseUrl, model } = resolved.settings;
      return { config: { provider: 'elevenlabs', apiKey: resolved.apiKey, baseUrl, modelId: model, fetch: resolved.fetch }, source: resolved.source };
    }
    // api.openai.com needs a key; a self-hosted server (Kokoro, Piper) needs its URL.
    const baseUrl = resolved?.settings.baseUrl ?? (resolved?.apiKey ? 'https://api.openai.com/v1' : undefined);
    if (!resolved || !baseUrl) return null;
    const voices = resolved.settings.voices?.length ? parseVoiceList(resolved.settings.voices.join(',')) : undefined;
    return {
      config: { provider: 'openai', baseUrl, apiKey: resolved.apiKey, model: resolved.settings.model, voices, fetch: resolved.fetch },
      source: resolved.source,
    };
  }

  /** The provider to synthesise with; 409 PROVIDER_NOT_CONFIGURED when the user has none set up. */
  async providerFor(ownerId: string, id: TtsProviderId): Promise<TtsProvider> {
    if (id === 'espeak') return this.espeak();
    if (id === 'festival') {
      if (this.festival().available) return this.festival();
      throw new AppError('PROVIDER_NOT_CONFIGURED', 'festival voices are not installed on this server (Debian: festival festvox-us-slt-hts festvox-ru)');
    }
    if (id === 'local') {
      if (this.config.VOICE_MODELS_DIR) return this.local(this.config.VOICE_MODELS_DIR);
      throw new AppError('PROVIDER_NOT_CONFIGURED', 'no voice models on this server: the operator sets VOICE_MODELS_DIR to a folder of model files');
    }
    const resolved = await this.resolve(ownerId, id);
    if (!resolved || resolved.config.provider === 'local') {
      throw new AppError('PROVIDER_NOT_CONFIGURED', `${PROVIDER_LABELS[id]} is not set up: add its API key (or server URL) in the provider settings`);
    }
    return createTtsProvider(resolved.config);
  }

  /** Every usable provider's voices; a provider whose list cannot be fetched is reported, not fatal. */
  async catalog(ownerId: string, language?: string): Promise<VoiceCatalog> {
    const entries = await Promise.all(
      TTS_PROVIDER_IDS.map(async (id) => {
        let unavailable: string | null = null;
        const resolved = await this.resolve(ownerId, id).catch((error: unknown) => {
          if (!(error instanceof AppError)) throw error;
          unavailable = error.message;
          return null;
        });
        const status: VoiceProviderStatus = {
          id,
          label: PROVIDER_LABELS[id],
          available: resolved !== null,
          source: resolved?.source ?? null,
          error: unavailable,
          givesAlignment: false,
        };
        if (!resolved) return { status, voices: [] as TtsVoice[] };
        try {
          const provider = await this.providerFor(ownerId, id);
          status.givesAlignment = provider.givesAlignment;
          return { status, voices: await this.voicesOf(`${ownerId}:${hashOf(resolved.config)}`, provider, language) };
        } catch (error) {
          status.error = error instanceof Error ? error.message : String(error);
          return { status, voices: [] as TtsVoice[] };
        }
      }),
    );
    return { providers: entries.map((e) => e.status), voices: entries.flatMap((e) => e.voices) };
  }

  private async voicesOf(key: string, provider: TtsProvider, language?: string): Promise<TtsVoice[]> {
    // Built-in and local lists are read here (local models' probes are cached by the provider).
    if (provider.id === 'espeak' || provider.id === 'festival' || provider.id === 'local') return provider.listVoices(language);
    const cached = this.voiceLists.get(key);
    const all = cached && Date.now() - cached.at < VOICE_LIST_TTL_MS ? cached.voices : await withinTime(provider.listVoices(), this.voiceListWaitMs, provider.id);
    if (cached?.voices !== all) this.voiceLists.set(key, { at: Date.now(), voices: all });
    return language ? all.filter((v) => v.language === language || v.language === 'multi') : all;
  }

  async close(): Promise<void> {
    await this.espeakProvider?.close();
  }
}

/** Keys and URLs are part of the cache key, so a corrected key is never answered from a stale list. */
const hashOf = (config: ResolvedConfig['config']) => createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);
