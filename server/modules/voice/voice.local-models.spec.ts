import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stage4Audio, VoiceCatalog } from '../../../contracts/voice-api.ts';
import { writeTinyVitsVoice } from '../../adapters/tts/local/testing/tiny-vits-model.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { expectUsableTimings } from './testing/expect-timings.ts';
import { ENGLISH_SCENES } from './testing/scripts.ts';
import { voiceApi } from './testing/voice-api.ts';

const scriptWords = ENGLISH_SCENES.flatMap((s) => s.text.toLowerCase().match(/\p{L}+/gu) ?? []);

describe.each(DATABASE_KINDS)('voice models from VOICE_MODELS_DIR over the API (%s)', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof voiceApi>;
  let modelsDir = '';

  beforeAll(async () => {
    modelsDir = await mkdtemp(join(tmpdir(), 'voice-models-api-'));
    await writeTinyVitsVoice(join(modelsDir, 'tiny-en'), ['hello', ...scriptWords]);
    await writeTinyVitsVoice(join(modelsDir, 'corrupt-en'), ['hello']);
    await writeFile(join(modelsDir, 'corrupt-en', 'model.onnx'), randomBytes(2048));
    t = await createTestApp(kind, { jobs: { mode: 'worker' }, env: { VOICE_MODELS_DIR: modelsDir } });
    api = voiceApi(t.app, (await signUp(t.app)).cookie);
  });
  afterAll(async () => {
    await t.close();
    await rm(modelsDir, { recursive: true, force: true });
  });

  it('lists the models as voices of the operator, the broken one with its reason', async () => {
    const catalog = (await api.call('GET', '/api/voices?language=en')).body as unknown as VoiceCatalog;
    expect(catalog.providers.find((p) => p.id === 'local')).toMatchObject({ available: true, source: 'server', error: null, givesAlignment: true });
    const local = catalog.voices.filter((v) => v.provider === 'local');
    expect(local.map((v) => [v.id, v.language, v.unavailable?.reason ?? null])).toEqual([
      ['corrupt-en', 'en', 'load-failed'],
      ['tiny-en', 'en', null],
    ]);
  });

  it('previews a working model and refuses the broken one with a 400 naming the problem', async () => {
    const ok = await api.call('POST', '/api/voices/preview', { provider: 'local', voiceId: 'tiny-en', language: 'en', text: 'Hello.' });
    expect(ok.status).toBe(200);
    expect(ok.raw.rawPayload.subarray(0, 4).toString('ascii')).toBe('RIFF');
    const broken = await api.call('POST', '/api/voices/preview', { provider: 'local', voiceId: 'corrupt-en', language: 'en', text: 'Hello.' });
    expect(broken.status).toBe(400);
    expect(JSON.stringify(broken.body)).toContain('the voice \\"corrupt-en\\" is unavailable: the model could not be loaded');
  });

  it('narrates with a working model, every word timed from its audio', async () => {
    const projectId = await api.projectWithScript('en', ENGLISH_SCENES, { provider: 'local', voiceId: 'tiny-en' });
    const job = await api.narrate(projectId);
    expect(job.state, job.error ?? '').toBe('succeeded');
    const audio = (await api.step(projectId, 4))!.data.audio as Stage4Audio;
    expectUsableTimings(audio, ENGLISH_SCENES);
    expect(Object.values(audio.timingSource ?? {})).toEqual(['alignment', 'alignment', 'alignment']);
  });

  it('fails a narration with the broken model with the reason, not a crash', async () => {
    const projectId = await api.projectWithScript('en', ENGLISH_SCENES, { provider: 'local', voiceId: 'corrupt-en' });
    const job = await api.narrate(projectId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/the voice "corrupt-en" is unavailable: the model could not be loaded/);
  });
});
