import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import type { Language } from '../../../contracts/formats.ts';
import type { Transcript } from '../../../contracts/media-sources.ts';
import { languageCode, supportedLanguage, type Transcriber, TranscriptionError } from './types.ts';

export interface OpenAiTranscriptionsOptions {
  /** Up to and including /v1 (OpenAI, faster-whisper-server, LocalAI, whisper.cpp's server). */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** The pinned, redirect-checked client of the credentials service. */
  fetch: typeof fetch;
  timeoutMs?: number;
}

const verboseJson = z.looseObject({
  text: z.string(),
  language: z.string().nullish(),
  duration: z.number().nullish(),
  words: z.array(z.looseObject({ word: z.string(), start: z.number(), end: z.number() })).nullish(),
  segments: z.array(z.looseObject({ start: z.number(), end: z.number(), text: z.string() })).nullish(),
});

/**
 * POST {baseUrl}/audio/transcriptions as OpenAI documents it: multipart with file, model,
 * response_format=verbose_json and timestamp_granularities[]=word, answered with the text, the
 * detected language, the duration and every word with its start and end in seconds.
 */
export class OpenAiTranscriber implements Transcriber {
  readonly id = 'openai-stt' as const;
  private readonly baseUrl: string;

  constructor(private readonly options: OpenAiTranscriptionsOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async transcribe(audio: string, options: { signal?: AbortSignal; language?: Language } = {}): Promise<Transcript> {
    const form = new FormData();
    form.append('file', new Blob([await readFile(audio)]), basename(audio));
    form.append('model', this.options.model);
    form.append('response_format', 'verbose_json');
    form.append('timestamp_granularities[]', 'word');
    form.append('timestamp_granularities[]', 'segment');
    if (options.language) form.append('language', options.language);
    const signals = [AbortSignal.timeout(this.options.timeoutMs ?? 10 * 60 * 1000), ...(options.signal ? [options.signal] : [])];
    const host = new URL(this.baseUrl).host;
    let response: Response;
    try {
      response = await this.options.fetch(`${this.baseUrl}/audio/transcriptions`, {
        method: 'POST',
        body: form,
        headers: this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {},
        signal: AbortSignal.any(signals),
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new TranscriptionError(`The transcription server ${host} could not be reached: ${(error as NodeJS.ErrnoException).code ?? (error as Error).name}`);
    }
    // The server's body is never shown to the user: only the status says what went wrong.
    if (response.status === 401 || response.status === 403) throw new TranscriptionError(`The transcription server ${host} refused the API key (HTTP ${response.status})`);
    if (!response.ok) throw new TranscriptionError(`The transcription server ${host} answered HTTP ${response.status}`);
    const parsed = verboseJson.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new TranscriptionError(`The transcription server ${host} did not answer with verbose JSON`);
    return fromVerboseJson(parsed.data);
  }
}

function fromVerboseJson(data: z.infer<typeof verboseJson>): Transcript {
  const detected = languageCode(data.language);
  // Servers without word timestamps still give segments: their words share the segment's time evenly.
  const words = data.words?.length ? data.words.map(({ word, start, end }) => ({ word: word.trim(), start, end })) : (data.segments ?? []).flatMap(spreadSegment);
  return {
    text: data.text.trim(),
    detectedLanguage: detected,
    language: supportedLanguage(detected),
    words: words.filter((w) => w.word),
    durationSec: data.duration ?? null,
    provider: 'openai-stt',
  };
}

export function spreadSegment(segment: { start: number; end: number; text: string }) {
  const words = segment.text.trim().split(/\s+/).filter(Boolean);
  const step = (segment.end - segment.start) / Math.max(1, words.length);
  return words.map((word, i) => ({ word, start: segment.start + i * step, end: segment.start + (i + 1) * step }));
}
