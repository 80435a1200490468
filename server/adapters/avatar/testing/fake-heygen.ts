import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeMedia } from '../../ffmpeg/probe.ts';
import { runFfmpeg } from '../../ffmpeg/run.ts';

/*
 * A local stand-in for api.heygen.com and upload.heygen.com (one server for both), speaking the
 * documented wire format: GET /v2/avatars, GET /v2/voices, POST /v1/asset with the raw file and its
 * Content-Type, POST /v2/video/generate {video_inputs:[{character, voice, background}], dimension},
 * GET /v1/video_status.get?video_id=..., the key in X-Api-Key. Clips go pending -> processing ->
 * completed over `pollsUntilDone` status calls; the finished MP4 (one solid colour, as long as the
 * uploaded audio or the text) is served from this server. Test support only.
 */

export interface FakeHeyGenOptions {
  apiKey: string;
  /** Status calls answered "pending"/"processing" before a clip is completed. */
  pollsUntilDone?: number;
  /** Make clips fail with this message instead (every clip, or only those of `failAvatarId`). */
  failClips?: string;
  failAvatarId?: string;
  clipColour?: string;
  port?: number;
}

interface Clip {
  id: string;
  polls: number;
  width: number;
  height: number;
  durationSec: number;
  avatarId: string;
  payload: Record<string, unknown>;
}

const AVATARS = [
  { avatar_id: 'Daisy-inskirt-20220818', avatar_name: 'Daisy', gender: 'female', preview_image_url: 'https://files.heygen.ai/avatar/daisy.webp', preview_video_url: 'https://files.heygen.ai/avatar/daisy.mp4', premium: false, type: null, tags: null, default_voice_id: '2d5b0e6cf36f460aa7fc47e3eee4ba54' },
  { avatar_id: 'Tyler-incasualsuit-20220721', avatar_name: 'Tyler', gender: 'male', preview_image_url: 'https://files.heygen.ai/avatar/tyler.webp', preview_video_url: 'https://files.heygen.ai/avatar/tyler.mp4', premium: false, type: null, tags: null, default_voice_id: null },
];
const VOICES = [
  { voice_id: '2d5b0e6cf36f460aa7fc47e3eee4ba54', language: 'English', gender: 'female', name: 'Rachel', preview_audio: 'https://static.heygen.ai/voice/rachel.mp3', support_pause: true, emotion_support: false },
  { voice_id: '81bb7c1a521442f6b812b2294a29acc1', language: 'Russian', gender: 'male', name: 'Dmitry', preview_audio: 'https://static.heygen.ai/voice/dmitry.mp3', support_pause: true, emotion_support: false },
];

export async function startFakeHeyGen(options: FakeHeyGenOptions) {
  const pollsUntilDone = options.pollsUntilDone ?? 2;
  const uploads = new Map<string, { mime: string; durationSec: number }>();
  const clips = new Map<string, Clip>();
  const files = new Map<string, Promise<Buffer>>();
  const requests: Array<{ method: string; path: string; apiKey: string | undefined; contentType: string | undefined; body: Buffer }> = [];
  let origin = '';
  let counter = 0;

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const v2Error = (response: ServerResponse, status: number, code: string, message: string) => json(response, status, { error: { code, message }, data: null });

  async function audioDuration(body: Buffer): Promise<number> {
    const dir = await mkdtemp(join(tmpdir(), 'fake-heygen-'));
    try {
      await writeFile(join(dir, 'upload.mp3'), body);
      const probed = await probeMedia(join(dir, 'upload.mp3'));
      if (!probed.streams.some((s) => s.codecType === 'audio' && s.codecName === 'mp3')) throw new Error('not MP3 audio');
      return probed.durationSec;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  function clipFile(clip: Clip): Promise<Buffer> {
    let file = files.get(clip.id);
    if (!file) {
      file = (async () => {
        const dir = await mkdtemp(join(tmpdir(), 'fake-heygen-'));
        try {
          const out = join(dir, 'clip.mp4');
          const colour = options.clipColour ?? '#d94f8a';
          await runFfmpeg([
            '-y', '-f', 'lavfi', '-i', `color=c=${colour}:s=${clip.width}x${clip.height}:r=25:d=${clip.durationSec}`,
            '-f', 'lavfi', '-i', `sine=frequency=220:duration=${clip.durationSec}`,
            '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart', out,
          ]);
          return await readFile(out);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      })();
      files.set(clip.id, file);
    }
    return file;
  }

  async function handle(request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake.heygen');
    const path = url.pathname;
    const clipVideo = /^\/videos\/(\w+)\.mp4$/.exec(path);
    if (clipVideo) {
      const clip = clips.get(clipVideo[1]!);
      if (!clip) return void response.writeHead(404).end();
      const bytes = await clipFile(clip);
      return void response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(bytes.length) }).end(bytes);
    }
    if (request.headers['x-api-key'] !== options.apiKey) return v2Error(response, 401, 'authentication_failed', 'Invalid API key');

    if (request.method === 'GET' && path === '/v2/avatars') return json(response, 200, { error: null, data: { avatars: AVATARS, talking_photos: [] } });
    if (request.method === 'GET' && path === '/v2/voices') return json(response, 200, { error: null, data: { voices: VOICES } });

    if (request.method === 'POST' && path === '/v1/asset') {
      const mime = request.headers['content-type'];
      if (!['image/png', 'image/jpeg', 'audio/mpeg', 'video/mp4', 'video/webm'].includes(mime ?? '')) return json(response, 400, { code: 400, message: `unsupported content type ${mime}` });
      if (body.length === 0) return json(response, 400, { code: 400, message: 'asset data must be provided' });
      const durationSec = await audioDuration(body).catch(() => -1);
      if (durationSec < 0) return json(response, 400, { code: 400, message: 'the file is not valid audio/mpeg' });
      const id = `asset${++counter}`;
      uploads.set(id, { mime: mime!, durationSec });
      return json(response, 200, { code: 100, data: { id, name: id, file_type: 'audio', folder_id: '', meta: null, created_ts: Math.floor(Date.now() / 1000), url: `${origin}/assets/${id}`, image_key: null }, msg: null, message: null });
    }

    if (request.method === 'POST' && path === '/v2/video/generate') {
      const payload = JSON.parse(body.toString('utf8') || '{}') as { video_inputs?: Array<Record<string, Record<string, unknown>>>; dimension?: { width: number; height: number } };
      const input = payload.video_inputs?.[0];
      const avatarId = input?.character?.avatar_id;
      if (!input || input.character?.type !== 'avatar' || !AVATARS.some((a) => a.avatar_id === avatarId)) return v2Error(response, 400, 'invalid_parameter', `avatar ${String(avatarId)} not found`);
      const voice = input.voice ?? {};
      let durationSec: number;
      if (voice.type === 'audio') {
        const upload = uploads.get(String(voice.audio_asset_id));
        if (!upload) return v2Error(response, 400, 'invalid_parameter', 'audio_asset_id not found');
        durationSec = upload.durationSec;
      } else if (voice.type === 'text') {
        if (!VOICES.some((v) => v.voice_id === voice.voice_id)) return v2Error(response, 400, 'invalid_parameter', 'voice_id not found');
        durationSec = Math.max(1, String(voice.input_text ?? '').split(/\s+/).length / 2.5);
      } else return v2Error(response, 400, 'invalid_parameter', 'voice.type must be text or audio');
      const { width = 1280, height = 720 } = payload.dimension ?? {};
      const id = `${(++counter).toString(16).padStart(8, '0')}c0ffee`;
      clips.set(id, { id, polls: 0, width, height, durationSec: Math.round(durationSec * 100) / 100, avatarId: String(avatarId), payload: payload as Record<string, unknown> });
      return json(response, 200, { error: null, data: { video_id: id } });
    }

    if (request.method === 'GET' && path === '/v1/video_status.get') {
      const clip = clips.get(url.searchParams.get('video_id') ?? '');
      if (!clip) return json(response, 404, { code: 40014, message: 'Video not found' });
      clip.polls++;
      const base = { id: clip.id, callback_id: null, caption_url: null, gif_url: null, thumbnail_url: null, video_url: null, video_url_caption: null, duration: null, error: null };
      if (clip.polls <= pollsUntilDone) return json(response, 200, { code: 100, data: { ...base, status: clip.polls === 1 ? 'pending' : 'processing' }, message: 'Success' });
      if (options.failClips && (!options.failAvatarId || options.failAvatarId === clip.avatarId)) return json(response, 200, { code: 100, data: { ...base, status: 'failed', error: { code: 40119, message: options.failClips, detail: 'Avatar rendering failed' } }, message: 'Success' });
      return json(response, 200, {
        code: 100,
        data: { ...base, status: 'completed', duration: clip.durationSec, video_url: `${origin}/videos/${clip.id}.mp4`, thumbnail_url: `${origin}/videos/${clip.id}.jpg` },
        message: 'Success',
      });
    }
    return v2Error(response, 404, 'not_found', `No route ${request.method} ${path}`);
  }

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    requests.push({ method: request.method ?? 'GET', path: (request.url ?? '/').split('?')[0]!, apiKey: request.headers['x-api-key'] as string | undefined, contentType: request.headers['content-type'], body });
    await handle(request, body, response).catch((error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin, requests, clips, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
