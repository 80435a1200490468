import { z } from 'zod';
import type { TtsVoice } from '../../../contracts/voice.ts';
import type { EncodedAudioFormat } from '../ffmpeg/audio.ts';
import { TtsError, TtsRequestError } from './errors.ts';
import { audioBody, ttsFetch } from './http.ts';
import type { SynthesisRequest, SynthesisResult, TtsProvider } from './types.ts';

export type OpenAiResponseFormat = 'wav' | 'mp3' | 'opus' | 'aac' | 'flac' | 'pcm';

export interface OpenAiCompatibleOptions {
  /** Up to and including /v1, e.g. https://api.openai.com/v1 or http://localhost:8880/v1 (Kokoro-FastAPI). */
  baseUrl: string;
  /** Sent as a Bearer token when set; self-hosted servers usually need none. */
  apiKey?: string;
  /** tts-1, tts-1-hd, gpt-4o-mini-tts, kokoro... */
  model?: string;
  responseFormat?: OpenAiResponseFormat;
  /** Used when the server has no GET /audio/voices (OpenAI itself has none). */
  voices?: Array<Omit<TtsVoice, 'provider'>>;
  /** Voice direction for gpt-4o-mini-tts; other models ignore or refuse it. */
  instructions?: string;
  timeoutMs?: number;
  maxRetries?: number;
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

/** OpenAI's built-in voices; they speak every language the model supports. */
const OPENAI_VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'nova', 'onyx', 'sage', 'shimmer', 'verse'];

const FORMATS: Record<OpenAiResponseFormat, { format: EncodedAudioFormat; sampleRate?: number }> = {
  wav: { format: 'wav' },
  mp3: { format: 'mp3' },
  opus: { format: 'ogg' },
  aac: { format: 'aac' },
  flac: { format: 'flac' },
  // OpenAI documents pcm as 24 kHz 16-bit little-endian mono.
  pcm: { format: 'pcm_s16le', sampleRate: 24_000 },
};

const voicesResponse = z.looseObject({
  voices: z.array(z.union([z.string(), z.looseObject({ id: z.string(), name: z.string().nullish(), language: z.string().nullish() })])),
});

const KOKORO_LANGUAGES: Record<string, string> = { a: 'en', b: 'en', e: 'es', f: 'fr', h: 'hi', i: 'it', j: 'ja', p: 'pt', z: 'zh' };

/** Language and gender from the naming schemes of Kokoro (af_bella) and Piper (ru_RU-irina-medium). */
export function describeVoiceId(id: string): Pick<TtsVoice, 'language' | 'gender'> {
  const kokoro = /^([abefhijpz])([fm])_/.exec(id);
  if (kokoro) return { language: KOKORO_LANGUAGES[kokoro[1]!] ?? 'multi', gender: kokoro[2] === 'f' ? 'female' : 'male' };
  const piper = /^([a-z]{2})_[A-Z]{2}-/.exec(id);
  if (piper) return { language: piper[1]! };
  return { language: 'multi' };
}

/** POST {baseUrl}/audio/speech as OpenAI defines it; works with OpenAI, Kokoro-FastAPI and Piper servers. */
export class OpenAiCompatibleProvider implements TtsProvider {
  readonly id = 'openai' as const;
  readonly givesAlignment = false;
  readonly maxConcurrency = 3;
  readonly fingerprint: string;
  private readonly baseUrl: string;
  private readonly model: string;
  private readonly responseFormat: OpenAiResponseFormat;

  constructor(private readonly options: OpenAiCompatibleOptions) {
    if (!options.baseUrl) throw new TtsError('the OpenAI-compatible voice needs a base URL', 'openai', 'request');
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.model = options.model ?? 'tts-1';
    this.responseFormat = options.responseFormat ?? 'wav';
    this.fingerprint = `openai:${this.baseUrl}:${this.model}:${this.responseFormat}:${options.instructions ?? ''}`;
  }

  async listVoices(language?: string): Promise<TtsVoice[]> {
    const voices = (await this.serverVoices()) ?? this.configuredVoices();
    return language ? voices.filter((v) => v.language === language || v.language === 'multi') : voices;
  }

  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    const input = request.text.trim();
    if (!input) throw new TtsRequestError('openai', 'text is empty');
    const body = {
      model: this.model,
      input,
      voice: request.voiceId,
      // The API accepts 0.25 to 4.0.
      speed: Math.min(4, Math.max(0.25, request.speed)),
      response_format: this.responseFormat,
      ...(this.options.instructions ? { instructions: this.options.instructions } : {}),
    };
    const response = await ttsFetch(
      'openai',
      `${this.baseUrl}/audio/speech`,
      { method: 'POST', headers: { ...this.authHeaders(), 'content-type': 'application/json' }, body: JSON.stringify(body) },
      this.httpOptions(request.signal),
    );
    return { audio: await audioBody('openai', response), ...FORMATS[this.responseFormat] };
  }

  /** GET /audio/voices where the server has it (Kokoro-FastAPI); null when it does not. */
  private async serverVoices(): Promise<TtsVoice[] | null> {
    let response: Response;
    try {
      response = await ttsFetch('openai', `${this.baseUrl}/audio/voices`, { headers: this.authHeaders() }, { ...this.httpOptions(), maxRetries: 0 });
    } catch (error) {
      // No such route (OpenAI answers 404) or the server is down: fall back to the configured list.
      if (error instanceof TtsError && (error.kind === 'request' || error.kind === 'network' || error.kind === 'server')) return null;
      throw error;
    }
    const parsed = voicesResponse.safeParse(await response.json().catch(() => null));
    if (!parsed.success) return null;
    return parsed.data.voices.map((voice) => {
      const id = typeof voice === 'string' ? voice : voice.id;
      const name = typeof voice === 'string' ? voice : (voice.name ?? voice.id);
      const described = describeVoiceId(id);
      const language = typeof voice === 'string' ? described.language : (voice.language ?? described.language);
      return { id, name, language, gender: described.gender, provider: 'openai' as const };
    });
  }

  private configuredVoices(): TtsVoice[] {
    if (this.options.voices?.length) return this.options.voices.map((voice) => ({ ...voice, provider: 'openai' as const }));
    return OPENAI_VOICES.map((id) => ({ id, name: id, language: 'multi', provider: 'openai' as const }));
  }

  private authHeaders(): Record<string, string> {
    return this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {};
  }

  private httpOptions(signal?: AbortSignal) {
    return {
      signal,
      timeoutMs: this.options.timeoutMs ?? 60_000,
      maxRetries: this.options.maxRetries ?? 2,
      retryDelayMs: this.options.retryDelayMs,
      fetch: this.options.fetch,
    };
  }
}
