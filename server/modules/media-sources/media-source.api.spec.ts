import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../../contracts/assets.ts';
import type { Job } from '../../../contracts/jobs.ts';
import type { MediaImportResult } from '../../../contracts/media-sources.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, createProject, type TestApp } from '../../test/harness.ts';
import { nearCopyCheck } from '../writers/quality/near-copy.ts';
import { multipart, voiceApi } from '../voice/testing/voice-api.ts';
import { SPOKEN_TEXT, speechClip, startFakeTranscriber } from './testing/media-fixtures.ts';

/** Serves the clip as a file, inside a page, as text, and as a download that never finishes. */
async function startMediaSite(clip: Buffer) {
  const server: Server = createServer((req, res) => {
    if (req.url === '/clip.mp4') return res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': clip.length }).end(clip);
    if (req.url === '/reel') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><title>Bridge reel</title></head><body><video src="/clip.mp4" controls></video></body></html>');
    if (req.url === '/notes.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('not a video');
    if (req.url === '/slow.mp4') {
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': clip.length });
      res.write(clip.subarray(0, 1024));
      return; // the rest never comes: the download stays in progress until cancelled
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, host: new URL(url).host, close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe.each(DATABASE_KINDS)('video and audio sources (%s)', (kind) => {
  let clip: Buffer;
  let site: Awaited<ReturnType<typeof startMediaSite>>;
  let blocked: Awaited<ReturnType<typeof startMediaSite>>;
  let transcriber: Awaited<ReturnType<typeof startFakeTranscriber>>;
  let withStt: TestApp;
  let without: TestApp;

  beforeAll(async () => {
    clip = await speechClip();
    site = await startMediaSite(clip);
    blocked = await startMediaSite(clip);
    transcriber = await startFakeTranscriber({ apiKey: 'operator-stt-key' });
    // Only these test servers are reachable although they are on 127.0.0.1 (never set in production).
    const allow = `${site.host},${new URL(transcriber.url).host}`;
    withStt = await createTestApp(kind, {
      env: { FETCH_ALLOW_PRIVATE_HOSTS: allow, OPENAI_STT_BASE_URL: `${transcriber.url}/v1`, OPENAI_STT_API_KEY: 'operator-stt-key' },
      jobs: { mode: 'worker' },
    });
    without = await createTestApp(kind, { env: { FETCH_ALLOW_PRIVATE_HOSTS: site.host, YTDLP_PATH: '/nonexistent/yt-dlp' }, jobs: { mode: 'worker' } });
  }, 120_000);
  afterAll(async () => {
    await withStt?.close();
    await without?.close();
    await Promise.all([site?.close(), blocked?.close(), transcriber?.close()]);
  });

  async function session(t: TestApp) {
    const { cookie } = await signUp(t.app);
    const api = voiceApi(t.app, cookie);
    const projectId = await createProject(t.app, cookie);
    const startUrl = async (url: string) => {
      const response = await api.call('POST', `/api/projects/${projectId}/media-source/url`, { url });
      expect(response.status, JSON.stringify(response.body)).toBe(202);
      return response.body as unknown as Job;
    };
    const upload = async (data: Buffer, name: string) => {
      const body = multipart(data, name, 'application/octet-stream');
      const response = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/assets?kind=source`, headers: { cookie, ...body.headers }, payload: body.payload });
      return { status: response.statusCode, body: response.json() as Asset & { error?: { message: string } } };
    };
    const sources = async () => (await api.call('GET', `/api/projects/${projectId}/assets?kind=source`)).body as unknown as Asset[];
    return { api, projectId, startUrl, upload, sources };
  }
  const tempFiles = async (t: TestApp) => readdir(join(t.dataDir, 'tmp')).catch(() => [] as string[]);

  it('takes an uploaded video, transcribes it with the OpenAI-compatible server, and makes the transcript stage 2 with its word times', async () => {
    const { api, projectId, upload } = await session(withStt);
    const uploaded = await upload(clip, 'bridge-reel.mp4');
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body.meta).toMatchObject({ hasAudio: true, width: 270, height: 480 });
    expect(uploaded.body.meta.durationSec).toBeGreaterThan(3);

    const started = await api.call('POST', `/api/projects/${projectId}/media-source/transcribe`, { assetId: uploaded.body.id });
    expect(started.status).toBe(202);
    const job = await api.waitForJob((started.body as unknown as Job).id);
    expect(job.state, job.error ?? '').toBe('succeeded');
    const result = job.result as MediaImportResult;
    expect(result.transcript).toMatchObject({ text: SPOKEN_TEXT, detectedLanguage: 'en', language: 'en', provider: 'openai-stt' });
    expect(result.transcript!.words[1]).toMatchObject({ word: 'city', start: 0.35 });
    expect(result.transcript!.words[1]!.end).toBeCloseTo(0.65);
    expect(transcriber.requests.at(-1)!.headers.authorization).toBe('Bearer operator-stt-key');

    const applied = await api.call('POST', `/api/projects/${projectId}/source`, { sourceType: 'media', mediaAssetId: uploaded.body.id, format: 'news' });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const step2 = (await api.step(projectId, 2))!.data as Record<string, unknown>;
    expect(step2).toMatchObject({ title: 'bridge-reel', text: SPOKEN_TEXT, language: 'en', media: { assetId: uploaded.body.id, hasVideo: true } });
    expect((step2.transcript as MediaImportResult['transcript'])!.words).toHaveLength(SPOKEN_TEXT.split(' ').length);
    expect((await api.step(projectId, 1))!.data).toMatchObject({ sourceType: 'media', mediaAssetId: uploaded.body.id });

    // The script written from it is checked against the transcript (word 5-gram overlap, 30% flags it).
    const generate = await api.call('POST', `/api/projects/${projectId}/script/generate`, {});
    expect(generate.status, JSON.stringify(generate.body)).toBe(202);
    expect((await api.waitForJob((generate.body as unknown as Job).id)).state).toBe('succeeded');
    const step3 = (await api.step(projectId, 3))!.data as { copyCheck: { share: number; flagged: boolean }; generatedVariants: { scenes: { variants: { text: string }[] }[] } };
    const best = step3.generatedVariants.scenes.map((scene) => scene.variants[0]!.text).join(' ');
    expect(step3.copyCheck).toEqual(nearCopyCheck(best, SPOKEN_TEXT));
    expect(step3.copyCheck.flagged).toBe(step3.copyCheck.share >= 0.3);
  });

  it('downloads a direct media URL through the safe client, then transcribes it', async () => {
    const { startUrl, sources, api } = await session(withStt);
    const job = await api.waitForJob((await startUrl(`${site.url}/clip.mp4`)).id);
    expect(job.state, job.error ?? '').toBe('succeeded');
    const [stored] = await sources();
    expect(stored).toMatchObject({ kind: 'source', mime: 'video/mp4', sizeBytes: clip.length, meta: { sourceUrl: `${site.url}/clip.mp4` } });
    expect((job.result as MediaImportResult).transcript?.text).toBe(SPOKEN_TEXT);
  });

  it('reads a page with a <video> through yt-dlp and downloads the video it names', async () => {
    const { startUrl, sources, api } = await session(withStt);
    const job = await api.waitForJob((await startUrl(`${site.url}/reel`)).id);
    expect(job.state, job.error ?? '').toBe('succeeded');
    expect((job.result as MediaImportResult).title).toBe('Bridge reel');
    const [stored] = await sources();
    expect(stored).toMatchObject({ sizeBytes: clip.length, originalName: 'Bridge reel', meta: { downloadedFrom: `${site.url}/reel` } });
  });

  it('refuses private addresses that are not the test allowance, for files and for pages handed to yt-dlp', async () => {
    const { startUrl, sources, api } = await session(withStt);
    for (const path of ['/clip.mp4', '/reel']) {
      const job = await api.waitForJob((await startUrl(`${blocked.url}${path}`)).id);
      expect(job.state).toBe('failed');
      expect(job.error).toMatch(/refused to fetch 127\.0\.0\.1:\d+: it points to/);
    }
    expect(await sources()).toEqual([]);
  });

  it('says what is wrong with a URL that is not media, and with a URL that is not http', async () => {
    const { startUrl, api, projectId } = await session(withStt);
    const job = await api.waitForJob((await startUrl(`${site.url}/notes.txt`)).id);
    expect(job).toMatchObject({ state: 'failed' });
    expect(job.error).toMatch(/sent "text\/plain", not audio or video/);
    const bad = await api.call('POST', `/api/projects/${projectId}/media-source/url`, { url: 'file:///etc/passwd' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/url: only http and https URLs/);
  });

  it('cancels a download in progress and keeps no partial file', async () => {
    const { startUrl, sources, api } = await session(withStt);
    const started = await startUrl(`${site.url}/slow.mp4`);
    // Wait until the download is under way, then cancel it.
    for (let job = started; ; ) {
      job = (await api.call('GET', `/api/jobs/${started.id}`)).body as unknown as Job;
      if (job.step === 'downloading') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await api.call('POST', `/api/jobs/${started.id}/cancel`)).status).toBe(200);
    for (;;) {
      const left = await tempFiles(withStt);
      if (left.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await api.call('GET', `/api/jobs/${started.id}`)).body).toMatchObject({ state: 'cancelled' });
    expect(await sources()).toEqual([]);
  });

  it('without a transcriber: says so, and takes a pasted transcript as the text', async () => {
    const { api, projectId, upload } = await session(without);
    const status = (await api.call('GET', '/api/media-sources/transcriber')).body;
    expect(status).toMatchObject({ available: false, provider: null });
    expect(String(status.reason)).toMatch(/Transcription needs a speech-to-text provider.*OPENAI_STT_BASE_URL or WHISPER_MODEL_PATH/);
    const uploaded = await upload(clip, 'bridge.mp4');
    const job = await api.waitForJob(((await api.call('POST', `/api/projects/${projectId}/media-source/transcribe`, { assetId: uploaded.body.id })).body as unknown as Job).id);
    expect(job.result).toMatchObject({ transcript: null, transcriptionNote: expect.stringMatching(/paste the transcript/) });

    const noText = await api.call('POST', `/api/projects/${projectId}/source`, { sourceType: 'media', mediaAssetId: uploaded.body.id, format: 'news' });
    expect(noText.status).toBe(400);
    expect(JSON.stringify(noText.body)).toMatch(/text: this video or audio has no transcript yet/);
    expect(await api.step(projectId, 1)).toBeUndefined();

    const pasted = 'Workers finished the bridge after three years. It links the old town with the station.';
    const applied = await api.call('POST', `/api/projects/${projectId}/source`, { sourceType: 'media', mediaAssetId: uploaded.body.id, text: pasted, format: 'news' });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect((await api.step(projectId, 2))!.data).toMatchObject({ text: pasted, media: { assetId: uploaded.body.id } });
  });

  it('names the missing tool when yt-dlp is not installed', async () => {
    const { startUrl, api } = await session(without);
    const job = await api.waitForJob((await startUrl(`${site.url}/reel`)).id);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/yt-dlp is not installed on this server/);
  });

  it('refuses an upload that is not audio or video, and stores nothing', async () => {
    const { upload, sources } = await session(without);
    const text = await upload(Buffer.from('just some words'), 'notes.mp4');
    expect(text.status).toBe(415);
    expect(await sources()).toEqual([]);
  });

  it('keeps another user out of a source', async () => {
    const owner = await session(without);
    const uploaded = await owner.upload(clip, 'mine.mp4');
    const other = await session(without);
    const response = await other.api.call('POST', `/api/projects/${other.projectId}/media-source/transcribe`, { assetId: uploaded.body.id });
    expect(response.status).toBe(404);
  });
});
