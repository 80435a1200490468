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
});
