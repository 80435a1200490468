import { z } from 'zod';
import { languageSchema } from './formats.ts';

/**
 * A video or audio file as a source. Limits: 200 MB and 10 minutes (a reel, a clip or a podcast
 * excerpt; transcription and cutting cost grows with the length).
 */
export const MEDIA_SOURCE_LIMITS = {
  maxBytes: 200 * 1024 * 1024,
  maxDurationSec: 600,
  /** A download (direct or through yt-dlp) is abandoned after this long. */
  downloadTimeoutMs: 5 * 60 * 1000,
  /** Detected from the bytes, never the name. */
  formats: ['mp4', 'mov', 'webm', 'm4v', 'mp3', 'm4a', 'wav', 'ogg', 'oga', 'opus'],
} as const;

/** Pages of these platforms are read with yt-dlp; any other URL is fetched as a media file first. */
export const VIDEO_PLATFORMS = ['instagram', 'tiktok', 'youtube', 'vk'] as const;

export const transcriptWordSchema = z.object({
  word: z.string().max(200),
  start: z.number().min(0),
  end: z.number().min(0),
});
export type TranscriptWord = z.infer<typeof transcriptWordSchema>;

/** What a transcriber heard: the text, each word with its time in the source, and the language. */
export const transcriptSchema = z.object({
  text: z.string(),
  /** ISO 639-1 code as detected ("en", "ru", ...); `language` below is set when the app supports it. */
  detectedLanguage: z.string().max(20).nullable(),
  language: languageSchema.nullable(),
  words: z.array(transcriptWordSchema),
  durationSec: z.number().min(0).nullable(),
  /** Which transcriber made it: "openai-stt" or "whisper-cpp". */
  provider: z.string().max(40),
});
export type Transcript = z.infer<typeof transcriptSchema>;

export const mediaSourceUrlBodySchema = z.object({
  url: z.string().trim().min(1, 'url is empty').max(2048, 'url is longer than 2048 characters'),
});

/** What the media.import job found: the stored file, and its transcript or why there is none. */
export const mediaImportResultSchema = z.object({
  assetId: z.uuid(),
  title: z.string().nullable(),
  transcript: transcriptSchema.nullable(),
  /** Set when no transcript was made: no transcriber configured, or the one configured failed. */
  transcriptionNote: z.string().nullable(),
});
export type MediaImportResult = z.infer<typeof mediaImportResultSchema>;

/** What can transcribe for this user now, or why nothing can. */
export const transcriberStatusSchema = z.object({
  available: z.boolean(),
  provider: z.string().nullable(),
  reason: z.string().nullable(),
});
export type TranscriberStatus = z.infer<typeof transcriberStatusSchema>;
