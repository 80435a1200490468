import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import type { Step } from '../../../contracts/steps.ts';
import type { Stage4Audio, VoiceCatalog } from '../../../contracts/voice-api.ts';
import { measureLoudness } from '../../adapters/ffmpeg/loudness.ts';
import { probeMedia } from '../../adapters/ffmpeg/probe.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { expectUsableTimings } from './testing/expect-timings.ts';
import { ENGLISH_SCENES, RUSSIAN_SCENES } from './testing/scripts.ts';
import { voiceApi } from './testing/voice-api.ts';
import { countWords } from './words.ts';

const audioOf = (step: Step | undefined) => step?.data.audio as Stage4Audio | undefined;

/** The default offline voice is festival's when installed: several seconds per scene on a shared machine. */
const NARRATION_TIMEOUT_MS = 240_000;

describe.each(DATABASE_KINDS)('stage 4 narration over the API (%s)', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof voiceApi>;
  let userId = '';

  beforeAll(async () => {
    t = await createTestApp(kind, { jobs: { mode: 'worker' } });
    const { cookie, user } = await signUp(t.app);
    userId = user.id;
    api = voiceApi(t.app, cookie);
  });
  afterAll(() => t.close());

  it('lists the offline voices of a language (festival first) and reports remote providers as not set up', async () => {
    const ru = (await api.call('GET', '/api/voices?language=ru')).body as unknown as VoiceCatalog;
    expect(ru.voices.length).toBeGreaterThanOrEqual(4);
    expect(ru.voices[0]).toMatchObject({ provider: 'festival', id: 'msu_ru_nsh_clunits' });
    expect(ru.voices.every((v) => ['festival', 'espeak'].includes(v.provider) && v.language === 'ru')).toBe(true);
    expect(ru.providers.map((p) => [p.id, p.available])).toEqual([
      ['festival', true],
      ['espeak', true],
      ['local', false],
      ['elevenlabs', false],
      ['openai', false],
    ]);
    const bad = await api.call('GET', '/api/voices?language=de');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('query.language');
  });

  it('plays a short preview of a voice as WAV', async () => {
    const response = await api.call('POST', '/api/voices/preview', { provider: 'espeak', voiceId: 'ru+f3', language: 'ru', speed: 1.2 });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('audio/wav');
    expect(response.raw.rawPayload.subarray(0, 4).toString('ascii')).toBe('RIFF');
    // 24 kHz 16-bit mono: a spoken sentence is well over half a second.
    expect(response.raw.rawPayload.length).toBeGreaterThan(24_000);
    const unknownVoice = await api.call('POST', '/api/voices/preview', { provider: 'espeak', voiceId: '--evil', language: 'en' });
    expect(unknownVoice.status).toBe(400);
    const notSetUp = await api.call('POST', '/api/voices/preview', { provider: 'elevenlabs', voiceId: 'x', language: 'en' });
    expect(notSetUp.status).toBe(409);
    expect((notSetUp.body.error as { code: string }).code).toBe('PROVIDER_NOT_CONFIGURED');
  });

  it.each([
    ['en', ENGLISH_SCENES],
    ['ru', RUSSIAN_SCENES],
  ] as const)('narrates a %s script: stored track and scenes, usable timings, -14 LUFS, plausible length', async (language, scenes) => {
    const projectId = await api.projectWithScript(language, scenes);
    const job = await api.narrate(projectId);
    expect(job.state, job.error ?? '').toBe('succeeded');

    const audio = audioOf(await api.step(projectId, 4))!;
    expect(audio.source).toBe('tts');
    expectUsableTimings(audio, scenes);
    expect(Object.keys(audio.sceneAssetIds ?? {})).toEqual(scenes.map((s) => s.id));
    expect(audio.narratedText).toEqual(Object.fromEntries(scenes.map((s) => [s.id, s.text])));

    const words = scenes.reduce((sum, s) => sum + countWords(s.text), 0);
    const expected = words / SPEAKING_RATE_WPS[language];
    expect(Math.abs(audio.durationSec - expected) / expected).toBeLessThan(0.25);

    const track = await t.context.assets.fileOf(userId, audio.assetId);
    expect(track.asset.kind).toBe('narration');
    expect((track.asset.meta.peaks as number[]).length).toBe(Math.ceil(audio.durationSec * 50));
    const probed = await probeMedia(track.path);
    expect(Math.abs(probed.durationSec - audio.durationSec)).toBeLessThan(0.01);
    const loudness = await measureLoudness(track.path);
    expect(Math.abs(loudness.integratedLufs + 14)).toBeLessThanOrEqual(1);
    expect(loudness.truePeakDbtp).toBeLessThanOrEqual(-1);

    const scene = await t.context.assets.fileOf(userId, audio.sceneAssetIds![scenes[1]!.id]!);
    const segment = audio.segments[1]!;
    expect((await probeMedia(scene.path)).durationSec).toBeCloseTo(segment.end - segment.start, 1);
  }, NARRATION_TIMEOUT_MS);

  it('regenerates one edited scene only, replacing the previous files', async () => {
    const scenes = [
      { id: 'a', text: 'The tide comes in twice a day.' },
      { id: 'b', text: 'The moon pulls the ocean toward it.' },
    ];
    const projectId = await api.projectWithScript('en', scenes);
    const first = await api.narrate(projectId);
    expect(first.state).toBe('succeeded');
    const before = audioOf(await api.step(projectId, 4))!;

    const edited = [scenes[0]!, { id: 'b', text: 'The moon and the sun pull the ocean toward them.' }];
    const patch = await api.call('PATCH', `/api/projects/${projectId}/steps/4`, { data: { script: { scenes: edited } } });
    expect(patch.status).toBe(200);
    const second = await api.narrate(projectId, { sceneIds: ['b'] });
    expect(second.state, second.error ?? '').toBe('succeeded');
    expect(second.result).toMatchObject({ synthesizedSceneIds: ['b'], reusedSceneIds: ['a'] });

    const after = audioOf(await api.step(projectId, 4))!;
    expect(after.narratedText.b).toBe(edited[1]!.text);
    expect(after.segments[1]!.words!.map((w) => w.word)).toContain('sun');
    expect(after.durationSec).toBeGreaterThan(before.durationSec);
    await expect(t.context.assets.fileOf(userId, before.assetId)).rejects.toThrow('Asset not found');
    const narrations = (await api.call('GET', `/api/projects/${projectId}/assets?kind=narration`)).body as unknown as unknown[];
    expect(narrations).toHaveLength(1);

    const unknownScene = await api.call('POST', `/api/projects/${projectId}/voice/narration`, { sceneIds: ['zzz'] });
    expect(unknownScene.status).toBe(400);
  }, NARRATION_TIMEOUT_MS);

  it('turns a double click into one job, reports progress per scene, and a cancel leaves step 4 as it was', async () => {
    const long = 'Every sentence here adds a little more speech, so that the narration takes a few seconds to make.';
    const scenes = Array.from({ length: 6 }, (_, i) => ({ id: `s${i + 1}`, text: `Scene ${i + 1}. ${long}` }));
    const projectId = await api.projectWithScript('en', scenes);
    const [one, two] = await Promise.all([
      api.call('POST', `/api/projects/${projectId}/voice/narration`),
      api.call('POST', `/api/projects/${projectId}/voice/narration`),
    ]);
    expect(one.body.id).toBe(two.body.id);
    const steps: string[] = [];
    let cancelled = false;
    const job = await api.waitForJob(one.body.id as string, (update) => {
      if (update.step) steps.push(update.step);
      if (!cancelled && /^synthesizing [1-5]\/6$/.test(update.step ?? '')) {
        cancelled = true;
        void api.call('POST', `/api/jobs/${update.id}/cancel`);
      }
    });
    expect(steps.some((step) => /^synthesizing [1-5]\/6$/.test(step))).toBe(true);
    expect(job.state).toBe('cancelled');
    // The handler's last act is removing its work folder: then nothing more can be written.
    const working = () => readdir(join(t.dataDir, 'tmp')).then((names) => names.some((n) => n === `narration-${job.id}`));
    while (await working()) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(audioOf(await api.step(projectId, 4))).toBeUndefined();
    expect((await api.call('GET', `/api/projects/${projectId}/assets`)).body).toEqual([]);
  });

  it('will not voice a script that stage 3 replaced until stage 4 takes the new one', async () => {
    const scenes = [{ id: 'a', text: 'Old words for the voice.' }];
    const projectId = await api.projectWithScript('en', scenes);
    const newer = [{ id: 'a', text: 'Brand new words for the voice.' }];
    const step3 = await api.saveFinalScript(projectId, newer);
    expect((await api.step(projectId, 4))!.stale).toBe(true);

    const refused = await api.call('POST', `/api/projects/${projectId}/voice/narration`);
    expect(refused.status).toBe(409);
    expect((refused.body.error as { message: string }).message).toContain('changed in stage 3');

    await api.copyScript(projectId, step3, newer);
    const job = await api.narrate(projectId);
    expect(job.state).toBe('succeeded');
    const audio = audioOf(await api.step(projectId, 4))!;
    expect(audio.segments[0]!.words!.map((w) => w.word).join(' ')).toBe('Brand new words for the voice.');
  });

  it('refuses to narrate without a script, with an empty scene, or in a project that is not yours', async () => {
    const { createProject } = await import('../../test/harness.ts');
    const { cookie } = await signUp(t.app);
    const projectId = await createProject(t.app, cookie);
    const own = voiceApi(t.app, cookie);
    expect((await own.call('POST', `/api/projects/${projectId}/voice/narration`)).status).toBe(409);

    const step3 = await own.saveFinalScript(projectId, [{ id: 'a', text: 'Words.' }]);
    await own.copyScript(projectId, step3, [{ id: 'a', text: 'Words.' }, { id: 'b', text: ' … ' }]);
    const empty = await own.call('POST', `/api/projects/${projectId}/voice/narration`);
    expect(empty.status).toBe(400);
    expect((empty.body.error as { message: string }).message).toContain('script.scenes.1.text');

    for (const [method, url] of [
      ['POST', `/api/projects/${projectId}/voice/narration`],
      ['GET', `/api/projects/${projectId}/voice/timings`],
      ['PUT', `/api/projects/${projectId}/voice/boundaries`],
    ] as const) {
      const response = await api.call(method, url, method === 'PUT' ? { boundaries: [{ sceneId: 'a', start: 0, end: 1 }] } : undefined);
      expect(response.status, `${method} ${url}`).toBe(404);
    }
  });
});
