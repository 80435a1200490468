import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_DESIGNS } from '../../../contracts/render-plan.ts';
import type { Step } from '../../../contracts/steps.ts';
import { ffmpegBinary } from '../../adapters/ffmpeg/binary.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { animatedGif, centreColour, colourDistance, hexToRgb, musicTone, SCENES, solidImage, storyboardApi, videoClip } from './testing/storyboard-api.ts';

describe.each(DATABASE_KINDS)('stage 6 storyboard over the API (%s)', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof storyboardApi>;
  let projectId = '';

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { cookie } = await signUp(t.app);
    api = storyboardApi(t.app, cookie);
    projectId = await api.projectWithScript();
  });
  afterAll(() => t.close());

  it('lists every scene with its text, contiguous timing, automatic card and what can be chosen', async () => {
    const view = await api.view(projectId);
    expect(view.version).toBe(0);
    expect(view.timingSource).toBe('reading-speed');
    expect(view.scenes.map((s) => [s.sceneId, s.text])).toEqual(SCENES.map((s) => [s.id, s.text]));
    expect(view.scenes[0]!.startSec).toBe(0);
    for (let i = 1; i < view.scenes.length; i++) {
      const previous = view.scenes[i - 1]!;
      expect(view.scenes[i]!.startSec).toBeCloseTo(previous.startSec + previous.durationSec, 2);
    }
    // Automatic: every card drifts (the other way from the one before), one transition by format throughout.
    expect(view.scenes.every((s) => s.visual === null)).toBe(true);
    expect(view.scenes.map((s) => s.motion)).toEqual(['pan-right', 'pan-left', 'pan-right']);
    expect(new Set(view.scenes.map((s) => s.transition)).size).toBe(1);
    expect(view.scenes.map((s) => s.automaticCard?.design)).toEqual(CARD_DESIGNS.slice(0, 3));
    expect(view.scenes[0]!.keywords.length).toBeGreaterThan(0);
    expect(view.capabilities).toEqual({ crossfade: (await ffmpegBinary()).hasXfade, stock: { provider: 'pexels', configured: false } });
    expect(view.options.fonts).toContain('Montserrat');
    expect(view.captionStyle).toMatchObject({ font: 'Montserrat', colour: '#ffffff', wordsPerLine: 3 });
    expect(view.aspect).toBe('9:16');
  });

  it('sets a card, motion and transition on one scene, keeping the others, with step 6 recording what it derives from', async () => {
    const response = await api.patchScene(projectId, 'body', { visual: { kind: 'card', design: 'waves', palette: 'sunset', keywords: ['Moon', 'pull'] }, motion: 'zoom-in', transition: 'crossfade' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const body = await api.view(projectId);
    const scene = body.scenes.find((s) => s.sceneId === 'body')!;
    expect(scene).toMatchObject({ visual: { kind: 'card', design: 'waves', palette: 'sunset' }, motion: 'zoom-in', transition: 'crossfade' });
    expect(body.scenes.find((s) => s.sceneId === 'hook')!.visual).toBeNull();

    await api.patchScene(projectId, 'body', { motion: 'pan-left' });
    const step = (await api.step(projectId, 6)) as Step;
    expect(step.data.scenes).toEqual([{ sceneId: 'body', visual: { kind: 'card', design: 'waves', palette: 'sunset', keywords: ['Moon', 'pull'] }, motion: 'pan-left', transition: 'crossfade' }]);
    expect(Object.keys(step.derivedFrom).sort()).toEqual(['3', '4']);
    expect(step.stale).toBe(false);

    expect((await api.patchScene(projectId, 'body', { visual: null })).status).toBe(200);
    expect((await api.view(projectId)).scenes.find((s) => s.sceneId === 'body')!.visual).toBeNull();
  });

  it('refuses unknown scenes, bad designs and files of the wrong kind, changing nothing', async () => {
    const before = (await api.step(projectId, 6))!.version;
    expect((await api.patchScene(projectId, 'nope', { motion: 'none' })).status).toBe(404);
    const badDesign = await api.patchScene(projectId, 'hook', { visual: { kind: 'card', design: 'sparkles' } });
    expect(badDesign.status).toBe(400);
    expect(JSON.stringify(badDesign.body)).toContain('visual.design');
    expect((await api.patchScene(projectId, 'hook', {})).status).toBe(400);
    const music = await api.upload(projectId, 'music', await musicTone(1), 'tone.wav');
    const wrongKind = await api.patchScene(projectId, 'hook', { visual: { kind: 'image', assetId: music.body.id } });
    expect(wrongKind.status).toBe(400);
    expect((wrongKind.body.error as { message: string }).message).toContain('visual.assetId: the file is a music file');
    const missing = await api.patchScene(projectId, 'hook', { visual: { kind: 'video', assetId: '00000000-0000-4000-8000-000000000000' } });
    expect(missing.status).toBe(400);
    expect((await api.step(projectId, 6))!.version).toBe(before);
  });

  it('uses an uploaded image: the preview frame at the scene middle shows it; a renamed text file is refused; oversize is 413', async () => {
    const renamed = await api.upload(projectId, 'image', Buffer.from('just some text, not a picture at all'), 'photo.png', 'image/png');
    expect(renamed.status).toBe(415);
    const oversize = await api.upload(projectId, 'image', Buffer.alloc(26 * 1024 * 1024, 1), 'big.png', 'image/png');
    expect(oversize.status).toBe(413);

    const image = await api.upload(projectId, 'image', await solidImage('#1f8f3a'), 'green.png', 'image/png');
    expect(image.status).toBe(201);
    expect((await api.patchScene(projectId, 'hook', { visual: { kind: 'image', assetId: image.body.id } })).status).toBe(200);
    const scene = (await api.view(projectId)).scenes.find((s) => s.sceneId === 'hook')!;
    expect(scene.asset).toMatchObject({ id: image.body.id, kind: 'image', mime: 'image/png', url: `/api/assets/${image.body.id}/content` });

    const preview = await api.preview(projectId, 'sceneId=hook&width=270');
    expect(preview.status).toBe(200);
    expect(preview.headers['content-type']).toBe('image/png');
    expect(await sharp(preview.png).metadata()).toMatchObject({ width: 270, height: 480 });
    expect(colourDistance(await centreColour(preview.png), hexToRgb('#1f8f3a'))).toBeLessThan(16);
  });

  it('handles an animated GIF (its first frame) and a video clip shorter than its scene (looped)', async () => {
    const gif = await api.upload(projectId, 'image', await animatedGif('#c02040', '#2040c0'), 'anim.gif', 'image/gif');
    expect(gif.status).toBe(201);
    expect(gif.body.meta.frames).toBeGreaterThan(1);
    await api.patchScene(projectId, 'body', { visual: { kind: 'image', assetId: gif.body.id } });
    const gifFrame = await api.preview(projectId, 'sceneId=body&width=180');
    expect(gifFrame.status).toBe(200);
    expect(colourDistance(await centreColour(gifFrame.png), hexToRgb('#c02040'))).toBeLessThan(20);

    const clip = await api.upload(projectId, 'video', await videoClip('#e0a010', 0.6), 'clip.mp4', 'video/mp4');
    expect(clip.status).toBe(201);
    await api.patchScene(projectId, 'cta', { visual: { kind: 'video', assetId: clip.body.id } });
    const view = await api.view(projectId);
    const cta = view.scenes.find((s) => s.sceneId === 'cta')!;
    expect(cta.durationSec).toBeGreaterThan(0.6);
    const late = await api.preview(projectId, `t=${(cta.startSec + cta.durationSec - 0.2).toFixed(2)}&width=180`);
    expect(late.status).toBe(200);
    expect(colourDistance(await centreColour(late.png), hexToRgb('#e0a010'))).toBeLessThan(20);
  });

  it('saves music and caption style fields as sent, with defaults shown and bad values named', async () => {
    const music = await api.upload(projectId, 'music', await musicTone(2), 'tone.wav');
    expect(music.status).toBe(201);
    const saved = await api.call('PATCH', `/api/projects/${projectId}/storyboard/settings`, { music: { assetId: music.body.id, volume: 0.3 }, captionStyle: { colour: '#ff3366', position: 'middle' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const view = await api.view(projectId);
    expect(view.music).toMatchObject({ assetId: music.body.id, volume: 0.3, duck: true, asset: { kind: 'music' } });
    expect(view.captionStyle).toMatchObject({ colour: '#ff3366', position: 'middle', font: 'Montserrat', highlightColour: '#facc15' });
    const step = (await api.step(projectId, 6))!;
    expect(step.data.captionStyle).toEqual({ colour: '#ff3366', position: 'middle' });

    const badColour = await api.call('PATCH', `/api/projects/${projectId}/storyboard/settings`, { captionStyle: { colour: 'red' } });
    expect(badColour.status).toBe(400);
    expect(JSON.stringify(badColour.body)).toContain('captionStyle.colour');
    const image = (await api.view(projectId)).scenes.find((s) => s.sceneId === 'hook')!.asset!;
    const notMusic = await api.call('PATCH', `/api/projects/${projectId}/storyboard/settings`, { music: { assetId: image.id } });
    expect(notMusic.status).toBe(400);
    expect((await api.call('PATCH', `/api/projects/${projectId}/storyboard/settings`, { music: null })).status).toBe(200);
    expect((await api.view(projectId)).music).toBeNull();
    expect((await api.view(projectId)).musicMood).toMatchObject({ choice: 'off', mood: null });
    expect((await api.step(projectId, 6))!.version).toBeGreaterThan(step.version);
  });

  it('plays generated music by default, in the mood the author picks, and names a bad mood', async () => {
    const fresh = await api.call('PATCH', `/api/projects/${projectId}/storyboard/settings`, { music: { mood: 'auto' } });
    expect(fresh.status).toBe(200);
    const auto = (await api.view(projectId)).musicMood;
    expect(auto.choice).toBe('auto');
    expect(['calm', 'upbeat', 'serious', 'tense']).toContain(auto.mood);

    const track = await api.upload(projectId, 'music', await musicTone(1), 'bed.wav');
    await api.call('PATCH', `/api/projects/${projectId}/storyboard/settings`, { music: { assetId: track.body.id } });
    expect((await api.view(projectId)).music?.assetId).toBe(track.body.id);
    // Picking a mood replaces the uploaded track.
    expect((await api.call('PATCH', `/api/projects/${projectId}/storyboard/settings`, { music: { mood: 'tense', volume: 0.25 } })).status).toBe(200);
    const view = await api.view(projectId);
    expect(view.music).toBeNull();
    expect(view.musicMood).toEqual({ choice: 'tense', mood: 'tense', volume: 0.25, duck: true });

    const before = (await api.step(projectId, 6))!.version;
    const bad = await api.call('PATCH', `/api/projects/${projectId}/storyboard/settings`, { music: { mood: 'jazzy' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('music.mood');
    expect((await api.step(projectId, 6))!.version).toBe(before);
  });

  it('draws small card previews for the design picker and refuses unknown designs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/storyboard/card-preview?design=grid&palette=forest&text=Moon%20tides&width=120', headers: { cookie: api.cookie } });
    expect(response.statusCode).toBe(200);
    expect(await sharp(response.rawPayload).metadata()).toMatchObject({ width: 120, height: 213 });
    const bad = await t.app.inject({ method: 'GET', url: '/api/storyboard/card-preview?design=nope&palette=forest', headers: { cookie: api.cookie } });
    expect(bad.statusCode).toBe(400);
  });

  it('draws a photo at the 40-megapixel upload limit without decoding it whole (memory grows far less than its pixels)', async () => {
    const width = 6400;
    const height = 6250;
    const png = await sharp({ create: { width, height, channels: 3, background: '#335577' } }).png({ compressionLevel: 9 }).toBuffer();
    const image = await api.upload(projectId, 'image', png, 'huge.png', 'image/png');
    expect(image.status).toBe(201);
    expect(image.body.meta).toMatchObject({ width, height });
    await api.patchScene(projectId, 'hook', { visual: { kind: 'image', assetId: image.body.id } });

    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const preview = await api.preview(projectId, 'sceneId=hook&width=180').finally(() => clearInterval(sampler));
    expect(preview.status).toBe(200);
    expect(colourDistance(await centreColour(preview.png), hexToRgb('#335577'))).toBeLessThan(16);
    // Decoded whole, the picture alone would take width x height x 3 bytes (120 MB).
    const decodedWhole = width * height * 3;
    expect(peak - base, `memory grew by ${Math.round((peak - base) / 1e6)} MB`).toBeLessThan(decodedWhole * 0.8);
  });

  it("hides another user's storyboard (404) and asks for a sign-in", async () => {
    const other = await signUp(t.app);
    const response = await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/storyboard`, headers: { cookie: other.cookie } });
    expect(response.statusCode).toBe(404);
    const preview = await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/storyboard/preview?t=1`, headers: { cookie: other.cookie } });
    expect(preview.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/storyboard` })).statusCode).toBe(401);
  });
});
