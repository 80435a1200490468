import { z } from 'zod';
import type { TtsVoice } from '../../../contracts/voice.ts';
import type { EncodedAudioFormat } from '../ffmpeg/audio.ts';
import { TtsError, TtsRequestError } from './errors.ts';
import { audioBody, ttsFetch } from './http.ts';
import type { SynthesisRequest, SynthesisResult, TtsAlignment, TtsProvider } from './types.ts';

export interface ElevenLabsOptions {
  apiKey: string;
  baseUrl?: string;
  /** e.g. eleven_multilingual_v2 (default), eleven_turbo_v2_5, eleven_flash_v2_5. */
  modelId?: string;
  /** codec_samplerate[_bitrate]: mp3_44100_128 (default), pcm_24000, opus_48000_64... */
  outputFormat?: string;
  /** Use /with-timestamps for character alignment (default true). */
  withTimestamps?: boolean;
  stability?: number;
  similarityBoost?: number;
  timeoutMs?: number;
  maxRetries?: number;
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

export const ELEVENLABS_DEFAULT_MODEL = 'eleven_multilingual_v2';

const voicesResponse = z.looseObject({
  voices: z.array(
    z.looseObject({
      voice_id: z.string(),
      name: z.string().nullish(),
      labels: z.record(z.string(), z.string().nullish()).nullish(),
      verified_languages: z.array(z.looseObject({ language: z.string() })).nullish(),
    }),
  ),
});

const timestampsResponse = z.looseObject({
  audio_base64: z.string().min(1),
  alignment: z
    .looseObject({
      characters: z.array(z.string()),
      character_start_times_seconds: z.array(z.number()),
      character_end_times_seconds: z.array(z.number()),
    })
    .nullish(),
});

/** Only these models accept language_code; others answer 400 when it is sent. */
function acceptsLanguageCode(modelId: string): boolean {
  return /(turbo|flash)_v2_5|eleven_v3/.test(modelId);
}

function formatOf(outputFormat: string): { format: EncodedAudioFormat; sampleRate?: number } {
  const [codec, rate] = outputFormat.split('_');
  if (codec === 'mp3') return { format: 'mp3' };
  if (codec === 'opus') return { format: 'ogg' };
  if (codec === 'pcm' && rate) return { format: 'pcm_s16le', sampleRate: Number(rate) };
  throw new TtsError(`ElevenLabs output format "${outputFormat}" is not supported here (use mp3_*, opus_* or pcm_*)`, 'elevenlabs', 'request');
}

function genderOf(label: string | null | undefined): TtsVoice['gender'] {
  if (label === 'male' || label === 'female' || label === 'neutral') return label;
  return undefined;
}

/** ElevenLabs text-to-speech (https://elevenlabs.io/docs/api-reference): voices, speech, character timestamps. */
export class ElevenLabsProvider implements TtsProvider {
  readonly id = 'elevenlabs' as const;
  readonly maxConcurrency = 2;
  readonly givesAlignment: boolean;
  readonly fingerprint: string;
  private readonly baseUrl: string;
  private readonly modelId: string;
  private readonly outputFormat: string;

  constructor(private readonly options: ElevenLabsOptions) {
    if (!options.apiKey) throw new TtsError('ElevenLabs needs an API key (ELEVENLABS_API_KEY)', 'elevenlabs', 'auth');
    this.baseUrl = (options.baseUrl ?? 'https://api.elevenlabs.io').replace(/\/+$/, '');
    this.modelId = options.modelId ?? ELEVENLABS_DEFAULT_MODEL;
    this.outputFormat = options.outputFormat ?? 'mp3_44100_128';
    formatOf(this.outputFormat);
    this.givesAlignment = options.withTimestamps ?? true;
    this.fingerprint = `elevenlabs:${this.modelId}:${this.outputFormat}:${options.stability ?? '-'}:${options.similarityBoost ?? '-'}`;
  }

  async listVoices(language?: string): Promise<TtsVoice[]> {
    const response = await ttsFetch('elevenlabs', `${this.baseUrl}/v1/voices`, { headers: this.headers() }, this.httpOptions());
    const parsed = voicesResponse.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new TtsError('ElevenLabs sent a voice list in an unexpected shape', 'elevenlabs', 'bad-response');
    const voices = parsed.data.voices.map((voice): TtsVoice => {
      const languages = new Set((voice.verified_languages ?? []).map((l) => l.language.slice(0, 2).toLowerCase()));
      return {
        id: voice.voice_id,
        name: voice.name ?? voice.voice_id,
        // Multilingual models speak every supported language with any voice.
        language: languages.size === 1 ? [...languages][0]! : 'multi',
        gender: genderOf(voice.labels?.gender),
        provider: 'elevenlabs',
      };
    });
    return language ? voices.filter((v) => v.language === language || v.language === 'multi') : voices;
  }

  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    const text = request.text.trim();
    if (!text) throw new TtsRequestError('elevenlabs', 'text is empty');
    const voice = encodeURIComponent(request.voiceId);
    const path = this.givesAlignment ? `/v1/text-to-speech/${voice}/with-timestamps` : `/v1/text-to-speech/${voice}`;
    const url = `${this.baseUrl}${path}?output_format=${encodeURIComponent(this.outputFormat)}`;
    const body = {
      text,
      model_id: this.modelId,
      ...(acceptsLanguageCode(this.modelId) ? { language_code: request.language } : {}),
      voice_settings: {
        // The API accepts speeds from 0.7 to 1.2.
        speed: Math.min(1.2, Math.max(0.7, request.speed)),
        ...(this.options.stability === undefined ? {} : { stability: this.options.stability }),
        ...(this.options.similarityBoost === undefined ? {} : { similarity_boost: this.options.similarityBoost }),
      },
    };
    const response = await ttsFetch(
      'elevenlabs',
      url,
      { method: 'POST', headers: { ...this.headers(), 'content-type': 'application/json' }, body: JSON.stringify(body) },
      this.httpOptions(request.signal),
    );
    const { format, sampleRate } = formatOf(this.outputFormat);
    if (!this.givesAlignment) return { audio: await audioBody('elevenlabs', response), format, sampleRate };

    const parsed = timestampsResponse.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new TtsError('ElevenLabs sent a timestamps response without audio_base64', 'elevenlabs', 'bad-response');
    const audio = Buffer.from(parsed.data.audio_base64, 'base64');
    return { audio, format, sampleRate, alignment: alignmentOf(parsed.data.alignment) };
  }

  private headers(): Record<string, string> {
    return { 'xi-api-key': this.options.apiKey, accept: '*/*' };
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

function alignmentOf(raw: z.infer<typeof timestampsResponse>['alignment']): TtsAlignment | undefined {
  if (!raw) return undefined;
  const { characters, character_start_times_seconds: starts, character_end_times_seconds: ends } = raw;
  if (characters.length === 0 || starts.length !== characters.length || ends.length !== characters.length) return undefined;
  return {
    unit: 'character',
    items: characters.map((text, i) => ({ text, start: starts[i] ?? 0, end: ends[i] ?? 0 })),
  };
}
