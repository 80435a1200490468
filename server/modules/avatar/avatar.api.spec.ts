import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvatarCatalog, AvatarState } from '../../../contracts/avatar-api.ts';
import type { Job } from '../../../contracts/jobs.ts';
import { probeMedia } from '../../adapters/ffmpeg/probe.ts';
import { startFakeHeyGen } from '../../adapters/avatar/testing/fake-heygen.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { buildRenderPlanForProject } from '../render/plan-from-steps.ts';
import { SCENES, storyboardApi } from '../storyboard/testing/storyboard-api.ts';

const KEY = 'stage5-heygen-key';
const DAISY = 'Daisy-inskirt-20220818';
const TYLER = 'Tyler-incasualsuit-20220721';
const RACHEL = '2d5b0e6cf36f460aa7fc47e3eee4ba54';

describe.each(DATABASE_KINDS)('stage 5 avatar clips (%s)', (kind) => {
  let t: TestApp;
  let bare: TestApp;
  let heygen: Awaited<ReturnType<typeof startFakeHeyGen>>;
  let api: ReturnType<typeof storyboardApi>;
  let userId = '';

  const state = async (projectId: string) => (await api.call('GET', `/api/projects/${projectId}/avatar`)).body as unknown as AvatarState;
  const startClip = async (projectId: string, body: unknown) => {
    const response = await api.call('POST', `/api/projects/${projectId}/avatar/clip`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    return api.waitForJob((response.body as unknown as Job).id);
  };

  beforeAll(async () => {
    heygen = await startFakeHeyGen({ apiKey: KEY, pollsUntilDone: 2, failClips: 'Avatar is unavailable in this region', failAvatarId: TYLER });
    const env = { HEYGEN_BASE_URL: heygen.url, HEYGEN_UPLOAD_BASE_URL: heygen.url, HEYGEN_API_KEY: KEY, FETCH_ALLOW_PRIVATE_HOSTS: new URL(heygen.url).host };
    t = await createTestApp(kind, { env, jobs: { mode: 'worker' } });
    t.context.avatar.pollIntervalMs = 20;
    bare = await createTestApp(kind);
    const session = await signUp(t.app);
    userId = session.user.id;
    api = storyboardApi(t.app, session.cookie);
  });
  afterAll(async () => {
    await t.close();
    await bare.close();
    await heygen.close();
  });

  it('says when no provider is configured, and refuses to make a clip', async () => {
    const other = storyboardApi(bare.app, (await signUp(bare.app)).cookie);
    const projectId = await other.projectWithScript();
    const view = (await other.call('GET', `/api/projects/${projectId}/avatar`)).body as unknown as AvatarState;
    expect(view).toMatchObject({ provider: { id: 'heygen', configured: false }, status: 'none', clip: null, narration: null, skipped: false });
    const catalog = await other.call('GET', '/api/avatar/catalog');
    expect(catalog.status).toBe(409);
    expect((catalog.body.error as { message: string }).message).toContain('HeyGen API key');
    const clip = await other.call('POST', `/api/projects/${projectId}/avatar/clip`, { avatarId: DAISY, source: 'script', voiceId: RACHEL });
    expect(clip.status).toBe(409);
  });

  it('lists the avatars and voices', async () => {
    const catalog = (await api.call('GET', '/api/avatar/catalog')).body as unknown as AvatarCatalog;
    expect(catalog.avatars.map((a) => a.id)).toEqual([DAISY, TYLER]);
    expect(catalog.voices.map((v) => v.name)).toEqual(['Rachel', 'Dmitry']);
  });

  it('lip-syncs a clip to the narration: MP3 upload, status followed, clip stored, corner overlay or full frame in the render plan', async () => {
    const projectId = await api.projectWithScript();
    const narrated = await api.narrate(projectId);
    expect(narrated.state, narrated.error ?? '').toBe('succeeded');
    const before = await state(projectId);
    expect(before.narration).not.toBeNull();

    const progress: number[] = [];
    const response = await api.call('POST', `/api/projects/${projectId}/avatar/clip`, { avatarId: DAISY, source: 'narration' });
    expect(response.status).toBe(202);
    const job = await api.waitForJob((response.body as unknown as Job).id, (j) => progress.push(j.progress));
    expect(job.state, job.error ?? '').toBe('succeeded');
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true);

    const upload = heygen.requests.find((r) => r.path === '/v1/asset')!;
    expect(upload.contentType).toBe('audio/mpeg');
    const after = await state(projectId);
    expect(after).toMatchObject({ status: 'ready', avatarId: DAISY, source: 'narration', placement: 'corner', error: null, clip: { kind: 'avatar-clip', mime: 'video/mp4' } });
    const clip = await t.context.assets.fileOf(userId, after.clip!.id);
    const probed = await probeMedia(clip.path);
    expect(probed.streams.find((s) => s.codecType === 'video')).toMatchObject({ width: 720, height: 1280 });
    expect(Math.abs(probed.durationSec - before.narration!.durationSec)).toBeLessThan(0.3);

    const deps = { steps: t.context.steps, assets: t.context.assets };
    const corner = await buildRenderPlanForProject(deps, userId, projectId);
    expect(corner.plan.avatar).toEqual({ path: clip.path, placement: 'corner' });
    const moved = await api.call('PATCH', `/api/projects/${projectId}/avatar`, { placement: 'full' });
    expect((moved.body as unknown as AvatarState).placement).toBe('full');
    const full = await buildRenderPlanForProject(deps, userId, projectId);
    expect(full.plan.avatar).toBeNull();
    expect(full.plan.scenes.every((scene) => scene.visual.kind === 'video' && scene.visual.path === clip.path)).toBe(true);
  });

  it('speaks the script with a voice when there is no narration; narration without one is refused', async () => {
    const projectId = await api.projectWithScript();
    const refused = await api.call('POST', `/api/projects/${projectId}/avatar/clip`, { avatarId: DAISY, source: 'narration' });
    expect(refused.status).toBe(409);
    expect((refused.body.error as { message: string }).message).toContain('no narration');
    const noVoice = await api.call('POST', `/api/projects/${projectId}/avatar/clip`, { avatarId: DAISY, source: 'script' });
    expect(noVoice.status).toBe(400);
    expect(JSON.stringify(noVoice.body)).toContain('voiceId');

    const job = await startClip(projectId, { avatarId: DAISY, source: 'script', voiceId: RACHEL, placement: 'corner' });
    expect(job.state, job.error ?? '').toBe('succeeded');
    const sent = JSON.parse(heygen.requests.filter((r) => r.path === '/v2/video/generate').at(-1)!.body.toString('utf8'));
    expect(sent.video_inputs[0].voice).toEqual({ type: 'text', input_text: SCENES.map((s) => s.text).join('\n\n'), voice_id: RACHEL });
    expect((await state(projectId)).status).toBe('ready');
  });

  it("records the provider's reason when a clip fails, and keeps following an ordered clip without ordering another", async () => {
    const projectId = await api.projectWithScript();
    const failed = await startClip(projectId, { avatarId: TYLER, source: 'script', voiceId: RACHEL });
    expect(failed.state).toBe('failed');
    expect(failed.error).toContain('Avatar is unavailable in this region');
    expect(await state(projectId)).toMatchObject({ status: 'failed', error: expect.stringContaining('Avatar is unavailable in this region') });
    // The code a screen words in its language, on the job and on stage 5.
    expect(failed.errorCode).toBe('AVATAR_PROVIDER_FAILED');
    expect((await state(projectId)).errorCode).toBe('AVATAR_PROVIDER_FAILED');

    const ordered = await startClip(projectId, { avatarId: DAISY, source: 'script', voiceId: RACHEL });
    expect(ordered.state).toBe('succeeded');
    const clipId = ((await api.step(projectId, 5))!.data as { providerJobId: string }).providerJobId;
    const generated = heygen.requests.filter((r) => r.path === '/v2/video/generate').length;
    await api.call('PATCH', `/api/projects/${projectId}/steps/5`, { data: { status: 'processing', clipAssetId: null } });
    const resumed = await api.call('POST', `/api/projects/${projectId}/avatar/follow`);
    expect(resumed.status).toBe(202);
    expect((await api.waitForJob((resumed.body as unknown as Job).id)).state).toBe('succeeded');
    expect(heygen.requests.filter((r) => r.path === '/v2/video/generate')).toHaveLength(generated);
    expect(((await api.step(projectId, 5))!.data as { providerJobId: string }).providerJobId).toBe(clipId);
    expect(await state(projectId)).toMatchObject({ status: 'ready', errorCode: null });
  });
});
