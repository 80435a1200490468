import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFrame } from '../../adapters/ffmpeg/frames.ts';
import { runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { speechClip } from '../media-sources/testing/media-fixtures.ts';
import { renderVideo } from './render-video.ts';
import { planFor } from './test-support.ts';

/** Mean volume (dB) of a stretch of a file's sound; about -91 for silence. */
async function meanVolume(file: string, fromSec: number, seconds: number): Promise<number> {
  const log = await runFfmpeg(['-ss', String(fromSec), '-t', String(seconds), '-i', file, '-af', 'volumedetect', '-f', 'null', '-']);
  return Number(/mean_volume: (-?[\d.]+) dB/.exec(log)?.[1] ?? Number.NaN);
}

describe('a scene showing a cut of the source video', () => {
  let dir = '';
  let source = '';
  const render = async (audio: 'muted' | 'original') => {
    const plan = planFor(
      [
        { text: 'A new bridge opened.' },
        { text: 'Here is the original moment.', visual: { kind: 'video', path: source, startAtSec: 1.5, audio } },
      ],
      5,
      { narration: null },
    );
    const out = join(dir, `out-${audio}`);
    await mkdir(out, { recursive: true });
    await renderVideo(plan, join(out, 'video.mp4'));
    return { file: join(out, 'video.mp4'), sceneStart: plan.scenes[1]!.start };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-source-clip-'));
    source = join(dir, 'source.mp4');
    await writeFile(source, await speechClip(undefined, { colour: 'teal' }));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the clip from its start time, and plays its own sound only when asked', async () => {
    const original = await render('original');
    const muted = await render('muted');
    // The picture: teal (0,128,128) fills the frame in the clip's scene.
    const frame = await sharp(await extractFrame(original.file, original.sceneStart + 1)).resize(1, 1).raw().toBuffer();
    expect(frame[0]).toBeLessThan(60);
    expect(frame[1]).toBeGreaterThan(90);
    expect(frame[2]).toBeGreaterThan(90);
    // The sound: speech in the clip's scene with 'original', silence there when muted and before it in both.
    const length = 5 - original.sceneStart - 0.3;
    expect(await meanVolume(original.file, original.sceneStart + 0.1, length)).toBeGreaterThan(-40);
    expect(await meanVolume(muted.file, muted.sceneStart + 0.1, length)).toBeLessThan(-80);
    expect(await meanVolume(original.file, 0, original.sceneStart - 0.1)).toBeLessThan(-80);
  });

  it('plays a chosen part (start to end) again when it is shorter than the scene, instead of running on past its end', async () => {
    // One second of red, then three of blue: the part [0, 1] is all red.
    const twoColours = join(dir, 'two-colours.mp4');
    const colour = (name: string, seconds: number) => ['-f', 'lavfi', '-i', `color=c=${name}:s=640x360:r=30:d=${seconds}`];
    await runFfmpeg(['-y', ...colour('red', 1), ...colour('blue', 3), '-filter_complex', '[0:v][1:v]concat=n=2:v=1[v]', '-map', '[v]', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', twoColours]);
    const renderWith = async (range: { endAtSec?: number }, name: string) => {
      const plan = planFor(
        [
          { text: 'A new bridge opened.' },
          { text: 'Here is the original moment, shown for a while longer.', visual: { kind: 'video', path: twoColours, startAtSec: 0, ...range, audio: 'muted' } },
        ],
        8,
        { narration: null },
      );
      const file = join(dir, `${name}.mp4`);
      await renderVideo(plan, file);
      return { file, sceneStart: plan.scenes[1]!.start, sceneEnd: plan.scenes[1]!.end };
    };
    const centre = async (file: string, at: number) => [...(await sharp(await extractFrame(file, at)).resize(1, 1).raw().toBuffer())];
    const part = await renderWith({ endAtSec: 1 }, 'part');
    const whole = await renderWith({}, 'whole');
    expect(part.sceneEnd - part.sceneStart).toBeGreaterThan(2.5);
    // Past the part's first second: red again with the part, blue when the clip just runs on.
    const later = part.sceneStart + 2.5;
    const [r1, , b1] = await centre(part.file, later);
    expect(r1).toBeGreaterThan(180);
    expect(b1).toBeLessThan(60);
    const [r2, , b2] = await centre(whole.file, later);
    expect(r2).toBeLessThan(60);
    expect(b2).toBeGreaterThan(180);
  });
});
