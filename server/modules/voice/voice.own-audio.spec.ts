import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../../../contracts/steps.ts';
import type { Stage4Audio, Stage4Own } from '../../../contracts/voice-api.ts';
import { ffmpegToBuffer } from '../../adapters/ffmpeg/audio.ts';
import { measureLoudness } from '../../adapters/ffmpeg/loudness.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { expectUsableTimings } from './testing/expect-timings.ts';
import { multipart, voiceApi } from './testing/voice-api.ts';
import { GAP_SEC, LEAD_SEC, recordingOfScript, SCENES } from './testing/own-recording.ts';
import { espeakWav, transcode } from '../../adapters/tts/testing/speech-audio.ts';

const audioOf = (step: Step) => step.data.audio as Stage4Audio | undefined;
const ownOf = (step: Step) => step.data.own as Stage4Own | undefined;

describe.each(DATABASE_KINDS)('own voice in stage 4 (%s)', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof voiceApi>;
  let cookie = '';
  let userId = '';

  const upload = async (projectId: string, data: Buffer, name: string, type: string, query = '') => {
    const body = multipart(data, name, type);
    const response = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/voice/own-audio${query}`, headers: { cookie, ...body.headers }, payload: body.payload });
    return { status: response.statusCode, body: response.json() as Record<string, unknown> };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const signed = await signUp(t.app);
    cookie = signed.cookie;
    userId = signed.user.id;
    api = voiceApi(t.app, cookie);
  });
  afterAll(() => t.close());

  it('takes one recording of the whole script: scene boundaries in its pauses, words inside, -14 LUFS; boundaries can be moved', async () => {
    const projectId = await api.projectWithScript('en', SCENES);
    const { mp3, cuts } = await recordingOfScript();
    const response = await upload(projectId, mp3, 'my voice.mp3', 'audio/mpeg');
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const step = response.body as unknown as Step;
    expect(step.data.mode).toBe('upload');
    const audio = audioOf(step)!;
    expect(audio.source).toBe('own');
    expect(ownOf(step)).toMatchObject({ scope: 'whole', whole: { assetId: audio.assetId } });
    expectUsableTimings(audio, SCENES);
    // Each proposed boundary sits inside the real pause between two scenes.
    audio.segments.slice(1).forEach((segment, i) => expect(Math.abs(segment.start - cuts[i]!)).toBeLessThan(GAP_SEC / 2));
    // Words are spread where speech is heard, not over the leading silence.
    expect(audio.segments[0]!.words![0]!.start).toBeGreaterThan(LEAD_SEC - 0.1);

    const track = await t.context.assets.fileOf(userId, audio.assetId);
    expect(track.asset).toMatchObject({ kind: 'voice', mime: 'audio/wav', originalName: 'my voice.mp3' });
    expect((track.asset.meta.peaks as number[]).length).toBeGreaterThan(100);
    const loudness = await measureLoudness(track.path);
    expect(Math.abs(loudness.integratedLufs + 14)).toBeLessThanOrEqual(1);

    const moved = audio.segments.map((s) => ({ sceneId: s.sceneId, start: s.start, end: s.end }));
    moved[0]!.end = Math.round((moved[0]!.end - 0.3) * 1000) / 1000;
    moved[1]!.start = moved[0]!.end;
    const put = await api.call('PUT', `/api/projects/${projectId}/voice/boundaries`, { boundaries: moved });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const after = audioOf(put.body as unknown as Step)!;
    expect(after.segments[1]!.start).toBe(moved[1]!.start);
    expect(after.assetId).toBe(audio.assetId);
    expectUsableTimings(after, SCENES);

    const overlapping = moved.map((b) => ({ ...b }));
    overlapping[1]!.start = overlapping[0]!.end - 1;
    const refused = await api.call('PUT', `/api/projects/${projectId}/voice/boundaries`, { boundaries: overlapping });
    expect(refused.status).toBe(400);
    expect((refused.body.error as { message: string }).message).toContain('boundaries: scene "body"');
    const reordered = await api.call('PUT', `/api/projects/${projectId}/voice/boundaries`, { boundaries: [moved[1], moved[0], moved[2]] });
    expect(reordered.status).toBe(400);
  });

  it('joins per-scene recordings (a browser WebM among them) once every scene has one', async () => {
    const projectId = await api.projectWithScript('en', SCENES);
    const wav = (text: string) => espeakWav(text, 'en-us');
    const first = await upload(projectId, wav(SCENES[0]!.text), 'hook.wav', 'audio/wav', '?sceneId=hook');
    expect(first.status).toBe(201);
    expect(audioOf(first.body as unknown as Step)).toBeUndefined();
    expect(Object.keys(ownOf(first.body as unknown as Step)!.scenes!)).toEqual(['hook']);

    const webm = await ffmpegToBuffer(['-i', 'pipe:0', '-c:a', 'libopus', '-f', 'webm', 'pipe:1'], { input: wav(SCENES[1]!.text) });
    const refusedWebm = await upload(projectId, webm, 'body.webm', 'audio/webm', '?sceneId=body');
    expect(refusedWebm.status).toBe(415);
    const recorded = await upload(projectId, webm, 'body.webm', 'audio/webm', '?sceneId=body&recorded=true');
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const ogg = await transcode(wav(SCENES[2]!.text), 'ogg', 1);
    const last = await upload(projectId, ogg, 'cta.ogg', 'audio/ogg', '?sceneId=cta');
    expect(last.status).toBe(201);

    const step = last.body as unknown as Step;
    const audio = audioOf(step)!;
    expectUsableTimings(audio, SCENES);
    expect(audio.sceneAssetIds).toEqual(Object.fromEntries(Object.entries(ownOf(step)!.scenes!).map(([id, r]) => [id, r.assetId])));
    // The one second of silence before the last recording was cut: scene lengths follow the speech.
    const ctaLength = audio.segments[2]!.end - audio.segments[2]!.start;
    expect(ctaLength).toBeLessThan(ownOf(step)!.scenes!.cta!.durationSec + 0.01);
    expect(ctaLength).toBeLessThan(2);
    const loudness = await measureLoudness((await t.context.assets.fileOf(userId, audio.assetId)).path);
    expect(Math.abs(loudness.integratedLufs + 14)).toBeLessThanOrEqual(1);

    const unknownScene = await upload(projectId, wav('Hi.'), 'x.wav', 'audio/wav', '?sceneId=nope');
    expect(unknownScene.status).toBe(400);
  });

  it('refuses a renamed non-audio file (415) and a 51 MB file (413), storing nothing', async () => {
    const projectId = await api.projectWithScript('en', SCENES);
    const before = (await api.step(projectId, 4))!;
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e2b0c40000000049454e44ae426082', 'hex');
    const renamed = await upload(projectId, png, 'voice.mp3', 'audio/mpeg');
    expect(renamed.status).toBe(415);
    expect((renamed.body.error as { message: string }).message).toContain('image/png');
    const text = await upload(projectId, Buffer.from('just words, not sound\n'.repeat(50)), 'voice.wav', 'audio/wav');
    expect(text.status).toBe(415);

    const huge = Buffer.concat([espeakWav('Hello.'), Buffer.alloc(51 * 1024 * 1024)]);
    const tooBig = await upload(projectId, huge, 'long.wav', 'audio/wav');
    expect(tooBig.status).toBe(413);

    expect((await api.call('GET', `/api/projects/${projectId}/assets`)).body).toEqual([]);
    expect((await api.step(projectId, 4))!.version).toBe(before.version);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(`${t.dataDir}/tmp`).catch(() => [])).filter((n) => n.startsWith('own-'))).toEqual([]);
  });

  it('gives captions reading-speed timings when stage 4 is skipped, and the recording otherwise', async () => {
    const projectId = await api.projectWithScript('ru', [{ id: 'a', text: 'Раз два три четыре пять.' }, { id: 'b', text: 'Шесть семь.' }]);
    const before = await api.call('GET', `/api/projects/${projectId}/voice/timings`);
    expect(before.body).toMatchObject({ source: 'reading-speed', audioAssetId: null, language: 'ru' });
    // 5 words at the Russian speaking rate, then a pause, then 2 words.
    const segments = before.body.segments as Array<{ start: number; end: number }>;
    expect(segments[0]).toMatchObject({ start: 0, end: Math.round((5 / SPEAKING_RATE_WPS.ru) * 1000) / 1000 });

    const wav = espeakWav('Раз два три четыре пять. Шесть семь.', 'ru');
    expect((await upload(projectId, wav, 'a.wav', 'audio/wav')).status).toBe(201);
    const narrated = await api.call('GET', `/api/projects/${projectId}/voice/timings`);
    expect(narrated.body).toMatchObject({ source: 'narration' });
    expect(narrated.body.audioAssetId).toBeTruthy();

    await api.reachStage4(projectId);
    const skip = await api.call('POST', `/api/projects/${projectId}/steps/4/skip`, { reason: 'I have my own voice-over' });
    expect(skip.status, JSON.stringify(skip.body)).toBe(200);
    const skipped = await api.call('GET', `/api/projects/${projectId}/voice/timings`);
    expect(skipped.body).toMatchObject({ source: 'reading-speed', audioAssetId: null });
  });
});
