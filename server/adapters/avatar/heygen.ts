import type { z } from 'zod';
import { heygenAvatarsSchema, heygenGenerateSchema, heygenStatusSchema, heygenUploadSchema, heygenVoicesSchema } from './heygen-schemas.ts';
import { AvatarError } from './types.ts';
import type { AvatarProvider, AvatarSummary, AvatarVoice, ClipStatus, CreateClipRequest } from './types.ts';
import { createPinnedFetch } from '../http/pinned-fetch.ts';

export interface HeyGenOptions {
  apiKey: string;
  /** https://api.heygen.com */
  baseUrl: string;
  /** https://upload.heygen.com (assets are uploaded to their own host) */
  uploadBaseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * HeyGen: GET /v2/avatars, GET /v2/voices, POST {upload}/v1/asset (raw bytes), POST
 * /v2/video/generate, GET /v1/video_status.get?video_id=..., the key in the X-Api-Key header.
 */
export class HeyGenProvider implements AvatarProvider {
  readonly id = 'heygen' as const;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: HeyGenOptions) {
    this.fetch = options.fetch ?? createPinnedFetch();
  }

  private async call<T>(
    base: string,
    path: string,
    schema: z.ZodType<T>,
    init: { method?: string; body?: BodyInit; contentType?: string; signal?: AbortSignal; timeoutMs?: number } = {},
  ): Promise<T> {
    const url = new URL(path, base.replace(/\/?$/, '/'));
    const timeoutMs = init.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: init.method ?? 'GET',
        headers: { 'x-api-key': this.options.apiKey, accept: 'application/json', ...(init.contentType ? { 'content-type': init.contentType } : {}) },
        body: init.body,
        signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
      });
    } catch (error) {
      if (init.signal?.aborted) throw new AvatarError('The request to HeyGen was cancelled', 'cancelled');
      if (timeout.aborted) throw new AvatarError(`HeyGen did not answer within ${timeoutMs / 1000} s`, 'timeout');
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new AvatarError(`HeyGen could not be reached at ${url.origin}: ${cause}`, 'network');
    }
    const body = await response.text();
    if (!response.ok) throw statusError(response.status);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new AvatarError('HeyGen answered with something that is not JSON', 'bad-response', response.status);
    }
    // v1 endpoints may answer HTTP 200 with an error code in the body.
    const code = (json as { code?: unknown }).code;
    if (typeof code === 'number' && code !== 100) throw new AvatarError(`HeyGen refused the request (error code ${code})`, 'request', response.status);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AvatarError(`HeyGen answered in an unexpected shape (${issue?.path.join('.') || 'body'}: ${issue?.message})`, 'bad-response', response.status);
    }
    return parsed.data;
  }

  async listAvatars(signal?: AbortSignal): Promise<AvatarSummary[]> {
    const body = await this.call(this.options.baseUrl, 'v2/avatars', heygenAvatarsSchema, { signal });
    return body.data.avatars.map((a) => ({
      id: a.avatar_id,
      name: a.avatar_name || a.avatar_id,
      gender: a.gender ?? null,
      previewImageUrl: a.preview_image_url ?? null,
      previewVideoUrl: a.preview_video_url ?? null,
      defaultVoiceId: a.default_voice_id ?? null,
    }));
  }

  async listVoices(signal?: AbortSignal): Promise<AvatarVoice[]> {
    const body = await this.call(this.options.baseUrl, 'v2/voices', heygenVoicesSchema, { signal });
    return body.data.voices.map((v) => ({
      id: v.voice_id,
      name: v.name || v.voice_id,
      language: v.language ?? null,
      gender: v.gender ?? null,
      previewAudioUrl: v.preview_audio ?? null,
    }));
  }

  async uploadAudio(data: Buffer, mime: 'audio/mpeg', signal?: AbortSignal): Promise<string> {
    const body = await this.call(this.options.uploadBaseUrl, 'v1/asset', heygenUploadSchema, {
      method: 'POST',
      body: new Uint8Array(data),
      contentType: mime,
      signal,
      timeoutMs: UPLOAD_TIMEOUT_MS,
    });
    return body.data.id;
  }

  async createClip(request: CreateClipRequest): Promise<{ clipId: string }> {
    const voice =
      request.source.kind === 'audio'
        ? { type: 'audio', audio_asset_id: request.source.audioAssetId }
        : { type: 'text', input_text: request.source.text, voice_id: request.source.voiceId, ...(request.source.speed ? { speed: request.source.speed } : {}) };
    const payload = {
      ...(request.title ? { title: request.title } : {}),
      caption: false,
      dimension: request.dimension,
      video_inputs: [
        {
          character: { type: 'avatar', avatar_id: request.avatarId, avatar_style: 'normal' },
          voice,
          background: { type: 'color', value: request.background },
        },
      ],
    };
    const body = await this.call(this.options.baseUrl, 'v2/video/generate', heygenGenerateSchema, {
      method: 'POST',
      body: JSON.stringify(payload),
      contentType: 'application/json',
      signal: request.signal,
    });
    return { clipId: body.data.video_id };
  }

  async clipStatus(clipId: string, signal?: AbortSignal): Promise<ClipStatus> {
    const body = await this.call(this.options.baseUrl, `v1/video_status.get?video_id=${encodeURIComponent(clipId)}`, heygenStatusSchema, { signal });
    const { data } = body;
    const error = data.error ? [data.error.message, data.error.detail].filter(Boolean).join(': ') || 'HeyGen could not make the clip' : null;
    return { state: data.status, videoUrl: data.video_url ?? null, durationSec: data.duration ?? null, error: data.status === 'failed' ? (error ?? 'HeyGen could not make the clip') : error };
  }
}

/** The status decides the error; what HeyGen wrote in the body never reaches a user. */
function statusError(status: number): AvatarError {
  if (status === 401 || status === 403) return new AvatarError(`HeyGen refused the API key (HTTP ${status}): check the key in the provider settings`, 'auth', status);
  if (status === 429) return new AvatarError('HeyGen is rate limiting requests or the quota is used up; try again later', 'rate-limit', status);
  if (status >= 500) return new AvatarError(`HeyGen failed (HTTP ${status}); try again later`, 'server', status);
  return new AvatarError(`HeyGen refused the request (HTTP ${status}): check the avatar, voice and settings`, 'request', status);
}
