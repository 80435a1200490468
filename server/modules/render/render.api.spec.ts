import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prediction } from '../../../contracts/performance.ts';
import type { Job } from '../../../contracts/jobs.ts';
import type { Stage4Audio } from '../../../contracts/voice-api.ts';
import { extractFrame } from '../../adapters/ffmpeg/frames.ts';
import { probeMedia } from '../../adapters/ffmpeg/probe.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { renderPreviewFrame } from './preview.ts';
import { imageDifference } from './test-support.ts';
import { ffmpegProcessesIn } from './testing/processes.ts';
import { LONG_SCENES, SHORT_SCENES, renderApi } from './testing/render-api.ts';

/** Cue start and end times of an SRT file, in seconds, with their text. */
function parseSrt(text: string): Array<{ start: number; end: number; text: string }> {
  const time = (t: string) => {
    const [h, m, rest] = t.split(':');
    return Number(h) * 3600 + Number(m) * 60 + Number(rest!.replace(',', '.'));
  };
  return text
    .trim()
    .split(/\n\n+/)
    .map((block) => {
      const [, timing, ...lines] = block.split('\n');
      const [start, end] = timing!.split(' --> ');
      return { start: time(start!), end: time(end!), text: lines.join(' ') };
    });
}

describe.each(DATABASE_KINDS)('stage 7 render over the API (%s)', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof renderApi>;
  let userId = '';

  beforeAll(async () => {
    t = await createTestApp(kind, { jobs: { mode: 'worker', workerOptions: { heartbeatSec: 0.3 } } });
    const { cookie, user } = await signUp(t.app);
    userId = user.id;
    api = renderApi(t.app, cookie);
  });
  afterAll(() => t.close());

  it('refuses to render a project without a script (400 naming the step field), and another user gets 404', async () => {
    const projectId = await api.projectWithScript('en', []);
    const refused = await api.start(projectId, { quality: 'draft' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'step3.finalScript.scenes' }] } });
    expect((await api.state(projectId)).problems[0]?.path).toBe('step3.finalScript.scenes');
    const badBody = await api.start(projectId, { aspect: '4:3' });
    expect(badBody.status).toBe(400);
    expect(JSON.stringify(badBody.body)).toContain('aspect');

    const other = renderApi(t.app, (await signUp(t.app)).cookie);
    expect((await other.start(projectId)).status).toBe(404);
    expect((await other.call('GET', `/api/projects/${projectId}/render`)).status).toBe(404);
  });

  it('names a storyboard visual whose file is gone before any job starts', async () => {
    const projectId = await api.silentProject(SHORT_SCENES);
    await api.call('POST', `/api/projects/${projectId}/steps`, { stepNumber: 6, data: { scenes: [{ sceneId: 'body', visual: { kind: 'image', assetId: 'no-such-asset' } }] } });
    const refused = await api.start(projectId);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ details: { issues: [{ path: 'step6.scenes[0].visual.assetId', message: 'asset no-such-asset not found (deleted?)' }] } });
    expect((await api.call('GET', `/api/projects/${projectId}/jobs`)).body).toEqual([]);
  });

  it('renders a narrated project: H.264 + AAC, 1080x1920 at 30 fps, as long as the narration, SRT on the word timings, captions burned in', async () => {
    const projectId = await api.narratedProject(SHORT_SCENES);
    const audio = (await api.step(projectId, 4))!.data.audio as Stage4Audio;

    const first = await api.start(projectId, { quality: 'draft' });
    const second = await api.start(projectId, { quality: 'draft' });
    expect(first.status).toBe(202);
    expect(second.body.id).toBe(first.body.id);
    const steps = new Set<string>();
    const job = await api.waitForJob(first.body.id as string, (j) => j.step && steps.add(j.step));
    expect(job.state, job.error ?? '').toBe('succeeded');
    expect([...steps]).toEqual(expect.arrayContaining(['encoding']));
    expect(job.progress).toBe(1);
    // Stage 8's prediction is stored as the render completes: the video's length and music with what it was made of.
    const prediction = (await api.call('GET', `/api/projects/${projectId}/performance`)).body.prediction as Prediction;
    expect(prediction.durationSec).toBeCloseTo(audio.durationSec, 0);
    expect(prediction).toMatchObject({ hookStyle: expect.any(String), voice: expect.any(String), musicMood: expect.any(String) });

    const state = await api.state(projectId);
    expect(state.timing).toBe('narration');
    expect(state.job?.id).toBe(job.id);
    expect(state.settings).toEqual({ aspect: '9:16', quality: 'draft' });
    const outputs = state.outputs!;
    expect(outputs.video.mime).toBe('video/mp4');
    const video = (await t.context.assets.fileOf(userId, outputs.video.id)).path;
    const info = await probeMedia(video);
    const videoStreams = info.streams.filter((s) => s.codecType === 'video');
    const audioStreams = info.streams.filter((s) => s.codecType === 'audio');
    expect(videoStreams).toHaveLength(1);
    expect(audioStreams).toHaveLength(1);
    expect(videoStreams[0]).toMatchObject({ codecName: 'h264', width: 1080, height: 1920, fps: 30 });
    expect(audioStreams[0]).toMatchObject({ codecName: 'aac', sampleRate: 48000 });
    expect(Math.abs(info.durationSec - audio.durationSec)).toBeLessThan(0.2);

    const srt = parseSrt((await api.call('GET', `/api/assets/${outputs.srt!.id}/content`)).raw.body);
    const words = audio.segments.flatMap((s) => s.words ?? []);
    expect(srt.map((c) => c.text).join(' ')).toBe(words.map((w) => w.word).join(' '));
    let next = 0;
    for (const cue of srt) {
      const cueWords = cue.text.split(' ');
      const firstWord = words[next]!;
      const lastWord = words[next + cueWords.length - 1]!;
      expect(Math.abs(cue.start - firstWord.start), cue.text).toBeLessThan(0.002);
      expect(cue.end).toBeGreaterThanOrEqual(lastWord.end - 0.002);
      next += cueWords.length;
    }
    const vtt = (await api.call('GET', `/api/assets/${outputs.vtt!.id}/content`)).raw.body;
    expect(vtt.startsWith('WEBVTT')).toBe(true);
    const script = await api.call('GET', `/api/assets/${outputs.script!.id}/content?download=1`);
    expect(script.raw.body).toBe(`${audio.segments.map((s) => audio.narratedText[s.sceneId]).join('\n\n')}\n`);
    expect(script.headers['content-disposition']).toBe('attachment; filename="voice-en.txt"');
    expect(outputs.thumbnail!.mime).toBe('image/jpeg');

    // The same frame drawn from the same plan without captions differs only where the captions are.
    const { plan } = await t.context.render.plan(userId, projectId, { quality: 'draft' });
    const word = words[1]!;
    const at = (word.start + word.end) / 2;
    const [rendered, bare] = await Promise.all([extractFrame(video, at), renderPreviewFrame({ ...plan, captions: null }, at)]);
    expect(await imageDifference(rendered, bare, { left: 0, top: 1920 - 600, width: 1080, height: 300 })).toBeGreaterThan(4);
    expect(await imageDifference(rendered, bare, { left: 0, top: 0, width: 1080, height: 300 })).toBeLessThan(3);

    const project = (await api.call('GET', `/api/projects/${projectId}`)).body;
    expect(project.status).toBe('rendered');
    const step7 = await api.step(projectId, 7);
    expect(step7?.data).toMatchObject({ jobId: job.id, outputs: { videoAssetId: outputs.video.id, durationSec: outputs.durationSec } });

    // A new render replaces the files of the previous one.
    const square = await api.render(projectId, { aspect: '1:1', quality: 'draft' });
    expect(square.state, square.error ?? '').toBe('succeeded');
    const after = (await api.state(projectId)).outputs!;
    expect((await probeMedia((await t.context.assets.fileOf(userId, after.video.id)).path)).streams[0]).toMatchObject({ width: 1080, height: 1080 });
    expect((await api.call('GET', `/api/assets/${outputs.video.id}`)).status).toBe(404);
    expect(existsSync(video)).toBe(false);
  });

  it('drafts publish metadata from the script with the offline writer and saves edits, refusing bad hashtags', async () => {
    const projectId = await api.silentProject(SHORT_SCENES);
    const drafted = await api.call('POST', `/api/projects/${projectId}/publish/draft`);
    expect(drafted.status).toBe(200);
    expect(drafted.body).toMatchObject({ title: expect.any(String), description: expect.any(String) });
    expect((drafted.body.hashtags as string[]).every((tag) => /^#[\p{L}\p{N}_]+$/u.test(tag))).toBe(true);
    expect((await api.step(projectId, 7))?.data.publish).toEqual(drafted.body);

    const edited = { title: 'Oil at a record', description: 'Why prices jumped.', hashtags: ['#oil', '#нефть'] };
    expect((await api.call('PUT', `/api/projects/${projectId}/publish`, edited)).body).toEqual(edited);
    expect((await api.state(projectId)).publish).toEqual(edited);
    const bad = await api.call('PUT', `/api/projects/${projectId}/publish`, { ...edited, hashtags: ['no hash'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('hashtags.0');
  });

  it('cancels a render: ffmpeg stops, nothing is stored, the work files are gone', async () => {
    const projectId = await api.silentProject(LONG_SCENES);
    expect((await api.state(projectId)).timing).toBe('reading-speed');
    const started = await api.start(projectId, { quality: 'high' });
    const jobId = started.body.id as string;
    let job: Job | null = null;
    for (let i = 0; i < 300 && !(job?.step === 'encoding' && job.progress > 0.1); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await api.call('GET', `/api/jobs/${jobId}`)).body as unknown as Job;
    }
    expect(job?.step).toBe('encoding');
    const workDir = join(t.dataDir, 'tmp', `render-${jobId}`);
    expect(ffmpegProcessesIn(workDir)).toBeGreaterThan(0);
    expect((await api.call('POST', `/api/jobs/${jobId}/cancel`)).status).toBe(200);
    for (let i = 0; i < 100 && (ffmpegProcessesIn(workDir) > 0 || existsSync(workDir)); i++) await new Promise((r) => setTimeout(r, 50));
    expect(ffmpegProcessesIn(workDir)).toBe(0);
    expect(existsSync(workDir)).toBe(false);
    expect((await api.call('GET', `/api/jobs/${jobId}`)).body.state).toBe('cancelled');
    expect((await api.call('GET', `/api/projects/${projectId}/assets`)).body).toEqual([]);
    expect((await api.state(projectId)).outputs).toBeNull();
  });
});
