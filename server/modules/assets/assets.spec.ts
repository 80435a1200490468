import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { pngHeaderOnly } from '../storyboard/testing/storyboard-api.ts';

function multipart(file: Buffer, filename: string, type = 'application/octet-stream') {
  const boundary = `----rf${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

const listFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
};

describe.each(DATABASE_KINDS)('uploads and media on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  let projectId: string;
  let wav: Buffer;
  beforeAll(async () => {
    t = await createTestApp(kind);
    cookie = (await signUp(t.app)).cookie;
    projectId = await createProject(t.app, cookie);
    wav = execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=300:duration=1.5', '-ar', '48000', '-f', 'wav', '-']);
  });
  afterAll(() => t.close());

  const upload = (uploadKind: string, file: Buffer, filename: string, type?: string) => {
    const body = multipart(file, filename, type);
    return t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/assets?kind=${uploadKind}`,
      headers: { cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const stored = () => listFiles(join(t.dataDir, 'media'));

  it('stores an audio upload with its probed duration and serves it with Range support', async () => {
    const response = await upload('voice', wav, 'take1.mp3');
    expect(response.statusCode).toBe(201);
    const asset = response.json();
    expect(asset).toMatchObject({ kind: 'voice', mime: 'audio/wav', originalName: 'take1.mp3', sizeBytes: wav.length });
    expect(asset.meta.durationSec).toBeCloseTo(1.5, 1);
    const full = await t.app.inject({ method: 'GET', url: asset.url, headers: { cookie } });
    expect(full.rawPayload.equals(wav)).toBe(true);
    const partial = await t.app.inject({ method: 'GET', url: asset.url, headers: { cookie, range: 'bytes=0-99' } });
    expect(partial.statusCode).toBe(206);
    expect(partial.rawPayload.length).toBe(100);
    const download = await t.app.inject({ method: 'GET', url: `${asset.url}?download=1`, headers: { cookie } });
    expect(download.headers['content-disposition']).toContain('take1.mp3');
    const stranger = await signUp(t.app);
    expect((await t.app.inject({ method: 'GET', url: asset.url, headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
  });

  it('refuses a renamed non-audio file, whatever its name says, storing nothing', async () => {
    const before = stored();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } }).png().toBuffer();
    const response = await upload('voice', png, 'song.mp3', 'audio/mpeg');
    expect(response.statusCode).toBe(415);
    expect(response.json().error.message).toContain('image/png');
    const text = await upload('voice', Buffer.from('just some words, not a sound'), 'speech.wav', 'audio/wav');
    expect(text.statusCode).toBe(415);
    expect(stored()).toEqual(before);
    expect(listFiles(join(t.dataDir, 'tmp'))).toEqual([]);
  });

  it('answers 413 to a 51 MB voice upload and stores nothing', async () => {
    const before = stored();
    const huge = Buffer.concat([wav, Buffer.alloc(51 * 1024 * 1024)]);
    const response = await upload('voice', huge, 'long.wav');
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(stored()).toEqual(before);
    expect(listFiles(join(t.dataDir, 'tmp'))).toEqual([]);
    const assets = (await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/assets?kind=voice`, headers: { cookie } })).json();
    expect(assets.every((a: { sizeBytes: number }) => a.sizeBytes < 50 * 1024 * 1024)).toBe(true);
  });

  it('reads image dimensions and refuses images with too many pixels before decoding them', async () => {
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366cc' } }).jpeg().toBuffer();
    const ok = await upload('image', jpeg, 'photo.jpg');
    expect(ok.json()).toMatchObject({ mime: 'image/jpeg', meta: { width: 640, height: 480 } });
    const giant = await sharp({ create: { width: 12000, height: 9000, channels: 3, background: '#000' } }).png({ compressionLevel: 9 }).toBuffer();
    const refused = await upload('image', giant, 'giant.png');
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error.message).toContain('12000x9000');
  });

  it('refuses a 64-megapixel picture and a 48-megapixel video frame before decoding, naming the limit', async () => {
    const before = stored();
    const refused = await upload('image', pngHeaderOnly(8000, 8000), 'bomb.png');
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error.message).toBe('The image is 8000x8000 (64.0 megapixels); an image may have at most 40 megapixels');
    const video = execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=black:s=8000x6000:d=0.2:r=5', '-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov', '-']);
    const tooWide = await upload('video', video, 'wall.mp4');
    expect(tooWide.statusCode).toBe(413);
    expect(tooWide.json().error.message).toContain('a video frame may have at most 40 megapixels');
    expect(stored()).toEqual(before);
  });

  it('refuses a non-multipart body and an unknown kind', async () => {
    const json = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/assets?kind=voice`, headers: { cookie }, payload: { a: 1 } });
    expect(json.statusCode).toBe(415);
    const body = multipart(wav, 'a.wav');
    const badKind = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/assets?kind=spreadsheet`,
      headers: { cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.message).toContain('kind');
  });

  it('deletes an asset and its bytes', async () => {
    const asset = (await upload('music', wav, 'bed.wav')).json();
    const before = stored().length;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/assets/${asset.id}`, headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: asset.url, headers: { cookie } })).statusCode).toBe(404);
    expect(stored().length).toBe(before - 1);
  });
});
