import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../../contracts/assets.ts';
import { espeakWav } from '../../adapters/tts/testing/speech-audio.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { writeThumbnail } from '../../adapters/ffmpeg/frames.ts';
import { buildRenderPlanForProject } from '../render/plan-from-steps.ts';
import { sourceCover } from '../render/source-cover.ts';
import { SCENES, storyboardApi } from '../storyboard/testing/storyboard-api.ts';
import { multipart } from '../voice/testing/voice-api.ts';
import { speechClip } from './testing/media-fixtures.ts';

describe('a storyboard scene showing a cut of the video source (pglite)', () => {
  let t: TestApp;
  let api: ReturnType<typeof storyboardApi>;
  let cookie = '';
  let userId = '';
  beforeAll(async () => {
    t = await createTestApp('pglite');
    const session = await signUp(t.app);
    cookie = session.cookie;
    userId = session.user.id;
    api = storyboardApi(t.app, cookie);
  });
  afterAll(() => t.close());

  const uploadSource = async (projectId: string, data: Buffer, name: string) => {
    const body = multipart(data, name, 'application/octet-stream');
    const response = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/assets?kind=source`, headers: { cookie, ...body.headers }, payload: body.payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Asset;
  };

  it('takes the source with a start time and its own sound into the render plan; refuses an audio-only source', async () => {
    const projectId = await api.projectWithScript(SCENES);
    const source = await uploadSource(projectId, await speechClip(), 'reel.mp4');
    const sceneId = SCENES[1]!.id;
    const chosen = await api.patchScene(projectId, sceneId, { visual: { kind: 'video', assetId: source.id, startAtSec: 1.5, audio: 'original' } });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);

    const { plan } = await buildRenderPlanForProject({ steps: t.context.steps, assets: t.context.assets }, userId, projectId);
    const scene = plan.scenes.find((s) => s.sceneId === sceneId)!;
    expect(scene.visual).toMatchObject({ kind: 'video', startAtSec: 1.5, audio: 'original' });

    // A part of the clip: start to end. An end too close to the start, or past the clip, is refused and nothing changes.
    const ranged = await api.patchScene(projectId, sceneId, { visual: { kind: 'video', assetId: source.id, startAtSec: 1.5, endAtSec: 2.5, audio: 'original' } });
    expect(ranged.status, JSON.stringify(ranged.body)).toBe(200);
    for (const [endAtSec, reason] of [[1.7, /at least 0.5 s after startAtSec/], [999, /past the clip's end/]] as const) {
      const bad = await api.patchScene(projectId, sceneId, { visual: { kind: 'video', assetId: source.id, startAtSec: 1.5, endAtSec, audio: 'original' } });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toMatch(reason);
    }
    const rangedPlan = await buildRenderPlanForProject({ steps: t.context.steps, assets: t.context.assets }, userId, projectId);
    expect(rangedPlan.plan.scenes.find((s) => s.sceneId === sceneId)!.visual).toMatchObject({ startAtSec: 1.5, endAtSec: 2.5 });
    await api.patchScene(projectId, sceneId, { visual: { kind: 'video', assetId: source.id, startAtSec: 1.5, audio: 'original' } });

    const audioOnly = await uploadSource(projectId, espeakWav('Just a voice.'), 'voice.wav');
    const refused = await api.patchScene(projectId, sceneId, { visual: { kind: 'video', assetId: audioOnly.id } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/the source is audio only/);
    const again = await buildRenderPlanForProject({ steps: t.context.steps, assets: t.context.assets }, userId, projectId);
    expect(again.plan.scenes.find((s) => s.sceneId === sceneId)!.visual).toMatchObject({ startAtSec: 1.5, audio: 'original' });
  });

  it('takes the cover from a frame of the source when the author asks, within the source’s length', async () => {
    const projectId = await api.projectWithScript(SCENES);
    const source = await uploadSource(projectId, await speechClip(undefined, { colour: 'teal' }), 'reel.mp4');
    const user = { userId, via: 'token' as const };
    const steps = () => t.context.steps.list(user, projectId);
    expect(sourceCover(await steps())).toBeNull();
    await t.context.steps.merge(user, projectId, 2, { data: { media: { assetId: source.id, hasVideo: true, durationSec: source.meta.durationSec } } });
    const saved = await api.call('PATCH', `/api/projects/${projectId}/storyboard/settings`, { coverFromSourceSec: 999 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(400);
    const ok = await api.call('PATCH', `/api/projects/${projectId}/storyboard/settings`, { coverFromSourceSec: 500 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const cover = sourceCover(await steps())!;
    expect(cover).toEqual({ assetId: source.id, atSec: Number(source.meta.durationSec) - 0.1 });

    const dir = await mkdtemp(join(tmpdir(), 'cover-'));
    await writeThumbnail((await t.context.assets.fileOf(userId, cover.assetId)).path, join(dir, 'cover.jpg'), { timeSec: cover.atSec });
    const [r, g, b] = await sharp(join(dir, 'cover.jpg')).resize(1, 1).raw().toBuffer();
    expect(r).toBeLessThan(60);
    expect(g).toBeGreaterThan(90);
    expect(b).toBeGreaterThan(90);
    await rm(dir, { recursive: true, force: true });

    await api.call('PATCH', `/api/projects/${projectId}/storyboard/settings`, { coverFromSourceSec: null });
    expect(sourceCover(await steps())).toBeNull();
  });
});
