import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderPlanInput } from '../../../contracts/render-plan.ts';
import { extractFrame, writeThumbnail } from '../../adapters/ffmpeg/frames.ts';
import { probeMedia } from '../../adapters/ffmpeg/probe.ts';
import { FfmpegCancelledError } from '../../adapters/ffmpeg/run.ts';
import { renderPreviewFrame } from './preview.ts';
import { renderVideo } from './render-video.ts';
import type { RenderProgress } from './render-video.ts';
import { imageDifference, makeClip, makeImage, makeTone, planFor, speak } from './test-support.ts';
import { automaticMotion } from './scene-motion.ts';
import { RenderPlanError } from './validate-plan.ts';

describe('renderVideo with real ffmpeg (narration, music, captions, three kinds of visual)', () => {
  let dir = '';
  let narration = { path: '', durationSec: 0 };
  let plan: RenderPlanInput;
  let rendered = '';
  const progress: RenderProgress[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-render-'));
    narration = await speak(dir, 'Oil prices hit a record. Цены на нефть выросли. Here is why.');
    const [image, clip, music] = await Promise.all([makeImage(dir), makeClip(dir, 0.8), makeTone(dir, 1.5)]);
    plan = planFor(
      [
        { text: 'Oil prices hit a record.', motion: 'zoom-in' },
        { text: 'Цены на нефть выросли.', visual: { kind: 'image', path: image }, motion: 'pan-right', transition: 'crossfade' },
        { text: 'Here is why.', visual: { kind: 'video', path: clip, startAtSec: 0 }, transition: 'fade' },
      ],
      narration.durationSec,
      { narration: narration.path, music },
    );
    rendered = join(dir, 'out', 'video.mp4');
    await rm(join(dir, 'out'), { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'out')));
    await renderVideo(plan, rendered, { onProgress: (p) => progress.push(p) });
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes one H.264 and one AAC stream, 1080x1920 at 30 fps, as long as the narration', async () => {
    const info = await probeMedia(rendered);
    const video = info.streams.filter((s) => s.codecType === 'video');
    const audio = info.streams.filter((s) => s.codecType === 'audio');
    expect(video).toHaveLength(1);
    expect(audio).toHaveLength(1);
    expect(video[0]).toMatchObject({ codecName: 'h264', width: 1080, height: 1920, fps: 30, pixFmt: 'yuv420p' });
    expect(audio[0]).toMatchObject({ codecName: 'aac', sampleRate: 48000 });
    expect(Math.abs(info.durationSec - narration.durationSec)).toBeLessThan(0.2);
  });

  it('puts the index first (faststart) and leaves only the finished file behind', async () => {
    const head = (await readFile(rendered)).subarray(0, 4096).toString('latin1');
    expect(head.indexOf('moov')).toBeGreaterThan(0);
    expect(head.includes('mdat') ? head.indexOf('moov') < head.indexOf('mdat') : true).toBe(true);
    expect(await readdir(join(dir, 'out'))).toEqual(['video.mp4']);
  });

  it('reports progress by step up to 1', () => {
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(progress.map((p) => p.step)).toEqual(expect.arrayContaining(['validating', 'preparing visuals', 'writing captions', 'encoding', 'finishing']));
    expect(fractions.at(-1)).toBe(1);
  });

  it('shows each scene’s visual: the photo in scene 2, the moving clip looped in scene 3', async () => {
    const scenes = plan.scenes;
    const middle = (i: number) => (scenes[i]!.start + scenes[i]!.end) / 2;
    const { data } = await sharp(await extractFrame(rendered, middle(1))).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let red = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += 3) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r > 150 && g < 90 && b < 90) red++;
      if (b > 150 && r < 90 && g < 110) blue++;
    }
    // The test photo is split diagonally into red and blue; a card has neither in such amounts.
    const pixels = data.length / 3;
    expect(red / pixels).toBeGreaterThan(0.1);
    expect(blue / pixels).toBeGreaterThan(0.1);
    const clipStart = scenes[2]!.start + 0.3;
    const clipEnd = scenes[2]!.end - 0.1;
    expect(clipEnd - clipStart).toBeGreaterThan(0.8);
    const region = { left: 0, top: 0, width: 1080, height: 900 };
    expect(await imageDifference(await extractFrame(rendered, clipStart), await extractFrame(rendered, clipEnd), region)).toBeGreaterThan(3);
  });

  it('moves in every still scene: a drifting card and a photo with its automatic Ken Burns move change within half a second', async () => {
    // A striped photo, so any move of it changes many pixels; no captions, so only the picture can change.
    const photo = join(dir, 'stripes.png');
    const stripes = Array.from({ length: 16 }, (_, i) => `<rect x="${i * 100}" width="50" height="1200" fill="#fff"/>`).join('');
    await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><rect width="1600" height="1200" fill="#204080"/>${stripes}</svg>`)).png().toFile(photo);
    const visual = { kind: 'image' as const, path: photo };
    const moving = planFor(
      [
        { text: 'A card that drifts.', motion: automaticMotion({ kind: 'card', design: 'grid', palette: 'ocean', keywords: [] }, 0) },
        { text: 'A photo that moves.', visual, motion: automaticMotion(visual, 1), transition: 'slide' },
      ],
      4,
      { captions: false },
    );
    const out = join(dir, 'moving.mp4');
    await renderVideo(moving, out);
    for (const [index, at] of [[0, 1], [1, 3.2]] as const) {
      const difference = await imageDifference(await extractFrame(out, at - 0.25), await extractFrame(out, at + 0.25));
      expect(difference, `scene ${index}`).toBeGreaterThan(0.5);
    }
    // The photo is on screen: half its pixels white stripes, half blue.
    const { data } = await sharp(await extractFrame(out, 3.2)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let white = 0;
    for (let i = 0; i < data.length; i += 3) if (data[i]! > 200 && data[i + 1]! > 200 && data[i + 2]! > 200) white++;
    expect(white / (data.length / 3)).toBeGreaterThan(0.3);
  });

  it('burns the captions in: a frame at a caption time differs from the same render without captions', async () => {
    const bare = join(dir, 'bare.mp4');
    await renderVideo({ ...plan, captions: null }, bare);
    const word = plan.captions!.scenes[0]!.words[1]!;
    const at = (word.start + word.end) / 2;
    const [withCaptions, without] = await Promise.all([extractFrame(rendered, at), extractFrame(bare, at)]);
    const captionBand = { left: 0, top: 1920 - 600, width: 1080, height: 300 };
    const topBand = { left: 0, top: 0, width: 1080, height: 300 };
    expect(await imageDifference(withCaptions, without, captionBand)).toBeGreaterThan(4);
    expect(await imageDifference(withCaptions, without, topBand)).toBeLessThan(2);
  });

  it('previews a frame the way the render draws it, inside a crossfade and in a moving scene', async () => {
    const boundary = plan.scenes[1]!.start;
    for (const at of [boundary + 0.05, (plan.scenes[0]!.start + plan.scenes[0]!.end) / 2]) {
      const [preview, frame] = await Promise.all([renderPreviewFrame(plan, at), extractFrame(rendered, at)]);
      expect(await imageDifference(preview, frame)).toBeLessThan(4);
    }
  });

  it('writes a thumbnail', async () => {
    const thumb = join(dir, 'thumb.jpg');
    await writeThumbnail(rendered, thumb, { durationSec: narration.durationSec });
    const meta = await sharp(thumb).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(540);
    expect(meta.height).toBe(960);
  });
});

describe('renderVideo sizes, audio and failure modes', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-render2-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('renders 1:1 with music only (no narration, reading-speed captions)', async () => {
    const music = await makeTone(dir, 1.5);
    const out = join(dir, 'square.mp4');
    await renderVideo(planFor([{ text: 'Square video with music' }], 2.5, { aspect: '1:1', music }), out);
    const info = await probeMedia(out);
    expect(info.streams.find((s) => s.codecType === 'video')).toMatchObject({ width: 1080, height: 1080, fps: 30 });
    expect(info.streams.filter((s) => s.codecType === 'audio')).toHaveLength(1);
    expect(Math.abs(info.durationSec - 2.5)).toBeLessThan(0.2);
  });

  it('renders 16:9 silent video that still has an AAC track', async () => {
    const out = join(dir, 'wide.mp4');
    await renderVideo(planFor([{ text: 'Wide' }, { text: 'and silent', transition: 'crossfade' }], 2, { aspect: '16:9', captions: false }), out);
    const info = await probeMedia(out);
    expect(info.streams.find((s) => s.codecType === 'video')).toMatchObject({ width: 1920, height: 1080 });
    expect(info.streams.find((s) => s.codecType === 'audio')).toMatchObject({ codecName: 'aac', sampleRate: 48000 });
    expect(Math.abs(info.durationSec - 2)).toBeLessThan(0.2);
  });

  it('refuses a plan with a missing file before starting ffmpeg, naming the field', async () => {
    const out = join(dir, 'missing.mp4');
    const plan = planFor([{ text: 'No voice file' }], 2, { narration: join(dir, 'absent.wav') });
    const error = await renderVideo(plan, out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderPlanError);
    expect((error as RenderPlanError).issues[0]?.path).toBe('narration.path');
    expect(existsSync(out)).toBe(false);
  });

  it('cancels: kills ffmpeg and leaves no output or partial file', async () => {
    const sub = join(dir, 'cancel');
    await import('node:fs/promises').then((fs) => fs.mkdir(sub));
    const out = join(sub, 'cancelled.mp4');
    const controller = new AbortController();
    const scenes = Array.from({ length: 6 }, (_, i) => ({ text: `Scene number ${i} moves`, motion: 'zoom-in' as const }));
    const plan = planFor(scenes, 60, { captions: true });
    const run = renderVideo({ ...plan, output: { aspect: '9:16', quality: 'high' } }, out, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 'encoding' && p.fraction > 0.1) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(FfmpegCancelledError);
    expect(await readdir(sub)).toEqual([]);
  });
});
