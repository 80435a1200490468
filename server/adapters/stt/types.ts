import type { Language } from '../../../contracts/formats.ts';
import { LANGUAGES } from '../../../contracts/formats.ts';
import type { Transcript } from '../../../contracts/media-sources.ts';

export interface Transcriber {
  readonly id: 'openai-stt' | 'whisper-cpp';
  /** `audio` is a speech-ready file the transcriber accepts (see speech-audio.ts). */
  transcribe(audio: string, options: { signal?: AbortSignal; language?: Language }): Promise<Transcript>;
}

export class TranscriptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranscriptionError';
  }
}

/** OpenAI answers "english"/"russian"; whisper.cpp and most servers answer "en"/"ru". */
const LANGUAGE_NAMES: Record<string, string> = { english: 'en', russian: 'ru', german: 'de', french: 'fr', spanish: 'es', italian: 'it', portuguese: 'pt', ukrainian: 'uk', chinese: 'zh', japanese: 'ja' };

export function languageCode(raw: unknown): string | null {
  if (typeof raw !== 'string' || !raw.trim()) return null;
  const lower = raw.trim().toLowerCase();
  return LANGUAGE_NAMES[lower] ?? (/^[a-z]{2,3}$/.test(lower) ? lower : null);
}

export function supportedLanguage(code: string | null): Language | null {
  return code && (LANGUAGES as readonly string[]).includes(code) ? (code as Language) : null;
}
