import { z } from 'zod';
import { MEDIA_SOURCE_LIMITS } from './media-sources.ts';

/** Kinds authors can upload, with what each accepts (detected from the bytes, never the name). */
export const UPLOAD_KINDS = {
  voice: { maxBytes: 50 * 1024 * 1024, media: 'audio', formats: ['mp3', 'wav', 'm4a', 'mp4', 'ogg', 'oga', 'opus', 'webm'] },
  music: { maxBytes: 50 * 1024 * 1024, media: 'audio', formats: ['mp3', 'wav', 'm4a', 'mp4', 'ogg', 'oga', 'opus', 'webm', 'flac'] },
  image: { maxBytes: 25 * 1024 * 1024, media: 'image', formats: ['jpg', 'png', 'webp', 'gif', 'avif'] },
  video: { maxBytes: 200 * 1024 * 1024, media: 'video', formats: ['mp4', 'mov', 'webm', 'm4v'] },
  /** A video or audio source to transcribe and cut clips from (MEDIA_SOURCE_LIMITS): it must have sound. */
  source: { maxBytes: MEDIA_SOURCE_LIMITS.maxBytes, media: 'audio-or-video', formats: MEDIA_SOURCE_LIMITS.formats, maxDurationSec: MEDIA_SOURCE_LIMITS.maxDurationSec },
} as const;

export type UploadKind = keyof typeof UPLOAD_KINDS;
export const uploadKindSchema = z.enum(Object.keys(UPLOAD_KINDS) as [UploadKind, ...UploadKind[]]);

/** Kinds the app produces itself. */
export const GENERATED_KINDS = ['narration', 'narration-scene', 'card', 'render', 'thumbnail', 'captions', 'script', 'stock', 'article-image', 'avatar-clip'] as const;
export type AssetKind = UploadKind | (typeof GENERATED_KINDS)[number];

export const assetSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid().nullable(),
  kind: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  originalName: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()).describe('durationSec, width, height, attribution... as known'),
  url: z.string().describe('Where the bytes are served (supports Range requests)'),
  createdAt: z.string(),
});
export type Asset = z.infer<typeof assetSchema>;
