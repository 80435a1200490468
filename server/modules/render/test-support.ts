import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { Aspect } from '../../../contracts/formats.ts';
import type { Motion, RenderPlanInput, Transition } from '../../../contracts/render-plan.ts';
import { probeMedia } from '../../adapters/ffmpeg/probe.ts';
import { runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { wordsByReadingSpeed } from './reading-timings.ts';

const execFileAsync = promisify(execFile);

/** Test helpers shared by the render specs: real narration from espeak-ng, media made by ffmpeg. */

export async function speak(dir: string, text: string, voice = 'en', name = 'voice.wav'): Promise<{ path: string; durationSec: number }> {
  const path = join(dir, name);
  await execFileAsync('espeak-ng', ['-v', voice, '-s', '170', '-w', path, text]);
  return { path, durationSec: (await probeMedia(path)).durationSec };
}

export async function makeTone(dir: string, seconds: number, name = 'music.m4a'): Promise<string> {
  const path = join(dir, name);
  await runFfmpeg(['-y', '-f', 'lavfi', '-i', `sine=frequency=330:duration=${seconds}`, '-c:a', 'aac', '-ar', '48000', path]);
  return path;
}

export async function makeClip(dir: string, seconds: number, name = 'clip.mp4'): Promise<string> {
  const path = join(dir, name);
  await runFfmpeg(['-y', '-f', 'lavfi', '-i', `testsrc2=size=640x360:rate=25:duration=${seconds}`, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', path]);
  return path;
}

/** A photo-like test image: a red/blue diagonal split, easy to recognise in a frame. */
export async function makeImage(dir: string, name = 'photo.jpg', width = 1600, height = 1200): Promise<string> {
  const path = join(dir, name);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#d02020"/><path d="M0 ${height}L${width} 0V${height}Z" fill="#2040d0"/></svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toFile(path);
  return path;
}

export interface SceneSpec {
  text: string;
  visual?: RenderPlanInput['scenes'][number]['visual'];
  motion?: Motion;
  transition?: Transition;
}

/** Splits `durationSec` over the scenes by word count and times the words by reading speed. */
export function planFor(
  scenes: SceneSpec[],
  durationSec: number,
  options: { narration?: string | null; aspect?: Aspect; captions?: boolean; music?: string } = {},
): RenderPlanInput {
  const counts = scenes.map((s) => s.text.split(/\s+/).length);
  const total = counts.reduce((a, b) => a + b, 0);
  let at = 0;
  const timed = scenes.map((scene, i) => {
    const end = i === scenes.length - 1 ? durationSec : Math.round((at + (durationSec * counts[i]!) / total) * 1000) / 1000;
    const result = {
      sceneId: `scene-${i + 1}`,
      start: at,
      end,
      text: scene.text,
      visual: scene.visual ?? { kind: 'card' as const, design: 'gradient' as const, palette: 'midnight' as const, keywords: [] },
      motion: scene.motion ?? 'none',
      transition: scene.transition ?? 'cut',
    };
    at = end;
    return result;
  });
  return {
    output: { aspect: options.aspect ?? '9:16', quality: 'draft' },
    narration: options.narration ? { path: options.narration } : null,
    scenes: timed,
    captions:
      options.captions === false
        ? null
        : { scenes: timed.map((s) => ({ sceneId: s.sceneId, words: wordsByReadingSpeed(s.text, s.start, s.end) })) },
    music: options.music ? { path: options.music, volume: 0.2, duck: true } : null,
  };
}

/** Mean absolute difference per channel value between two same-sized images (0..255). */
export async function imageDifference(a: Buffer, b: Buffer, region?: { left: number; top: number; width: number; height: number }): Promise<number> {
  const read = (img: Buffer) => (region ? sharp(img).extract(region) : sharp(img)).removeAlpha().raw().toBuffer();
  const [ra, rb] = await Promise.all([read(a), read(b)]);
  if (ra.length !== rb.length) throw new Error(`images differ in size: ${ra.length} vs ${rb.length} bytes`);
  let sum = 0;
  for (let i = 0; i < ra.length; i++) sum += Math.abs(ra[i]! - rb[i]!);
  return sum / ra.length;
}
