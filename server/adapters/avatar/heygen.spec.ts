import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../ffmpeg/run.ts';
import { HeyGenProvider } from './heygen.ts';
import { startFakeHeyGen } from './testing/fake-heygen.ts';
import { localFetch } from '../http/testing/local-fetch.ts';

const KEY = 'heygen-test-key';

async function mp3(seconds: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'heygen-spec-'));
  try {
    await runFfmpeg(['-y', '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, '-c:a', 'libmp3lame', '-b:a', '64k', join(dir, 'a.mp3')]);
    return await readFile(join(dir, 'a.mp3'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('HeyGen provider against a fake server speaking its wire format', () => {
  let fake: Awaited<ReturnType<typeof startFakeHeyGen>>;
  let heygen: HeyGenProvider;

  beforeAll(async () => {
    fake = await startFakeHeyGen({ apiKey: KEY, pollsUntilDone: 2 });
    heygen = new HeyGenProvider({ apiKey: KEY, baseUrl: fake.url, uploadBaseUrl: fake.url, fetch: localFetch(fake.url) });
  });
  afterAll(() => fake.close());

  it('lists avatars and voices with the key in X-Api-Key', async () => {
    const avatars = await heygen.listAvatars();
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v2/avatars', apiKey: KEY });
    expect(avatars[0]).toEqual({
      id: 'Daisy-inskirt-20220818',
      name: 'Daisy',
      gender: 'female',
      previewImageUrl: 'https://files.heygen.ai/avatar/daisy.webp',
      previewVideoUrl: 'https://files.heygen.ai/avatar/daisy.mp4',
      defaultVoiceId: '2d5b0e6cf36f460aa7fc47e3eee4ba54',
    });
    const voices = await heygen.listVoices();
    expect(voices.map((v) => [v.id, v.language])).toContainEqual(['81bb7c1a521442f6b812b2294a29acc1', 'Russian']);
  });

  it('uploads narration as raw MP3 bytes, makes a clip from it and follows its status to the finished file', async () => {
    const audio = await mp3(1.5);
    const assetId = await heygen.uploadAudio(audio, 'audio/mpeg');
    const upload = fake.requests.at(-1)!;
    expect(upload).toMatchObject({ method: 'POST', path: '/v1/asset', contentType: 'audio/mpeg' });
    expect(upload.body.equals(audio)).toBe(true);

    const { clipId } = await heygen.createClip({ avatarId: 'Daisy-inskirt-20220818', source: { kind: 'audio', audioAssetId: assetId }, dimension: { width: 720, height: 1280 }, background: '#f5f5f5', title: 'Tides' });
    const sent = JSON.parse(fake.requests.at(-1)!.body.toString('utf8'));
    expect(sent).toEqual({
      title: 'Tides',
      caption: false,
      dimension: { width: 720, height: 1280 },
      video_inputs: [{ character: { type: 'avatar', avatar_id: 'Daisy-inskirt-20220818', avatar_style: 'normal' }, voice: { type: 'audio', audio_asset_id: assetId }, background: { type: 'color', value: '#f5f5f5' } }],
    });
    expect((await heygen.clipStatus(clipId)).state).toBe('pending');
    expect((await heygen.clipStatus(clipId)).state).toBe('processing');
    const done = await heygen.clipStatus(clipId);
    expect(done).toMatchObject({ state: 'completed', error: null, durationSec: expect.closeTo(1.5, 1) });
    expect(done.videoUrl).toBe(`${fake.url}/videos/${clipId}.mp4`);
  });

  it('makes a clip from text with a voice', async () => {
    const { clipId } = await heygen.createClip({
      avatarId: 'Tyler-incasualsuit-20220721',
      source: { kind: 'text', text: 'Tides rise twice a day.', voiceId: '2d5b0e6cf36f460aa7fc47e3eee4ba54', speed: 1.1 },
      dimension: { width: 720, height: 720 },
      background: '#000000',
    });
    expect(clipId).toMatch(/c0ffee$/);
    expect(JSON.parse(fake.requests.at(-1)!.body.toString('utf8')).video_inputs[0].voice).toEqual({
      type: 'text',
      input_text: 'Tides rise twice a day.',
      voice_id: '2d5b0e6cf36f460aa7fc47e3eee4ba54',
      speed: 1.1,
    });
  });

  it('reports refused keys, bad parameters and v1 error codes by status, never with HeyGen’s text, and failed clips with their reason', async () => {
    const wrong = new HeyGenProvider({ apiKey: 'nope', baseUrl: fake.url, uploadBaseUrl: fake.url, fetch: localFetch(fake.url) });
    await expect(wrong.listAvatars()).rejects.toMatchObject({ kind: 'auth', status: 401, message: expect.stringContaining('refused the API key') });
    await expect(heygen.createClip({ avatarId: 'nobody', source: { kind: 'text', text: 'x', voiceId: 'y' }, dimension: { width: 720, height: 1280 }, background: '#000000' })).rejects.toMatchObject({
      kind: 'request',
      message: 'HeyGen refused the request (HTTP 400): check the avatar, voice and settings',
    });
    const badUpload = (await heygen.uploadAudio(Buffer.from('not audio'), 'audio/mpeg').catch((error: Error) => error)) as Error;
    expect(badUpload).toMatchObject({ kind: 'request', status: 400 });
    expect(badUpload.message).not.toContain('not valid audio/mpeg');
    const missing = (await heygen.clipStatus('missing').catch((error: Error) => error)) as Error;
    expect(missing).toMatchObject({ kind: 'request' });
    expect(missing.message).toMatch(/^HeyGen refused the request/);
    expect(missing.message).not.toContain('Video not found');

    const failing = await startFakeHeyGen({ apiKey: KEY, pollsUntilDone: 0, failClips: 'Avatar is unavailable' });
    try {
      const provider = new HeyGenProvider({ apiKey: KEY, baseUrl: failing.url, uploadBaseUrl: failing.url, fetch: localFetch(failing.url) });
      const { clipId } = await provider.createClip({ avatarId: 'Tyler-incasualsuit-20220721', source: { kind: 'text', text: 'Hi there', voiceId: '2d5b0e6cf36f460aa7fc47e3eee4ba54' }, dimension: { width: 720, height: 1280 }, background: '#000000' });
      expect(await provider.clipStatus(clipId)).toMatchObject({ state: 'failed', error: 'Avatar is unavailable: Avatar rendering failed', videoUrl: null });
    } finally {
      await failing.close();
    }
    const closed = new HeyGenProvider({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9', uploadBaseUrl: 'http://127.0.0.1:9', fetch: localFetch('http://127.0.0.1:9') });
    await expect(closed.listVoices()).rejects.toMatchObject({ kind: 'network' });
  });
});
