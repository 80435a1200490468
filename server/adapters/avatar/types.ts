/** A talking-head provider: its avatars and voices, clips made from audio or text, their status. */
export interface AvatarSummary {
  id: string;
  name: string;
  gender: string | null;
  previewImageUrl: string | null;
  previewVideoUrl: string | null;
  /** The voice the provider pairs with this avatar, for clips made from text. */
  defaultVoiceId: string | null;
}

export interface AvatarVoice {
  id: string;
  name: string;
  language: string | null;
  gender: string | null;
  previewAudioUrl: string | null;
}

export type ClipSource =
  /** Lip-synced to audio uploaded to the provider first (its asset id). */
  | { kind: 'audio'; audioAssetId: string }
  /** Spoken by one of the provider's voices. */
  | { kind: 'text'; text: string; voiceId: string; speed?: number };

export interface CreateClipRequest {
  avatarId: string;
  source: ClipSource;
  dimension: { width: number; height: number };
  /** Solid background colour behind the avatar, e.g. "#f5f5f5". */
  background: string;
  title?: string;
  signal?: AbortSignal;
}

export type ClipState = 'pending' | 'waiting' | 'processing' | 'completed' | 'failed';

export interface ClipStatus {
  state: ClipState;
  videoUrl: string | null;
  durationSec: number | null;
  error: string | null;
}

export interface AvatarProvider {
  readonly id: 'heygen';
  listAvatars(signal?: AbortSignal): Promise<AvatarSummary[]>;
  listVoices(signal?: AbortSignal): Promise<AvatarVoice[]>;
  /** Uploads audio (MP3) and returns the provider's asset id. */
  uploadAudio(data: Buffer, mime: 'audio/mpeg', signal?: AbortSignal): Promise<string>;
  createClip(request: CreateClipRequest): Promise<{ clipId: string }>;
  clipStatus(clipId: string, signal?: AbortSignal): Promise<ClipStatus>;
}

export type AvatarErrorKind = 'auth' | 'rate-limit' | 'request' | 'server' | 'network' | 'timeout' | 'bad-response' | 'cancelled';

export class AvatarError extends Error {
  constructor(
    message: string,
    readonly kind: AvatarErrorKind,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AvatarError';
  }
}
