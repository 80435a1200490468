import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { RenderScene } from '../../../contracts/render-plan.ts';
import { FfmpegCancelledError, runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { renderCardLayers } from './card.ts';
import { cardTextFromScene } from './card-text.ts';
import { frameSize, sourceSize } from './filter-graph.ts';
import type { ClipSource } from './filter-graph.ts';
import { clipFrames } from './timeline.ts';
import type { Timeline } from './timeline.ts';
import type { CheckedPlan } from './validate-plan.ts';

/** The words a card shows: the author's, else a short phrase or key figure of the scene. */
export function cardHeadline(scene: RenderScene): string {
  if (scene.visual.kind === 'card' && scene.visual.keywords.length > 0) return scene.visual.keywords.join(' ');
  return cardTextFromScene(scene.text) || scene.text.split(/\s+/).slice(0, 6).join(' ');
}

/**
 * Turns every visual of the chosen clips into what the filter graph reads: cards rendered and
 * photos fitted (cover, EXIF-rotated, first frame of an animation) to the exact size the
 * scene's motion needs, so ffmpeg decodes each still once; videos told whether to loop.
 */
export async function prepareClipSources(
  checked: CheckedPlan,
  timeline: Timeline,
  workDir: string,
  clipIndexes: number[],
  signal?: AbortSignal,
): Promise<ClipSource[]> {
  const { plan } = checked;
  const sources: ClipSource[] = [];
  const cards = new Map<string, Promise<ClipSource>>();
  await forEachLimited(clipIndexes, STILLS_AT_ONCE, async (index) => {
    const scene = plan.scenes[index]!;
    const clip = timeline.clips[index]!;
    const visual = scene.visual;
    const size = sourceSize(plan, scene.motion, visual.kind === 'image');
    if (visual.kind === 'video') {
      const sourceSec = checked.videoSourceSec.get(index) ?? 0;
      const partEnd = Math.min(sourceSec, visual.endAtSec ?? sourceSec);
      const needed = clipFrames(clip) / timeline.fps;
      if (visual.endAtSec !== undefined && partEnd - visual.startAtSec < needed + 0.1) {
        // -stream_loop repeats a whole file, so a chosen part is cut to its own file first.
        const part = join(workDir, `part-${index}.mp4`);
        await cutPart(visual.path, visual.startAtSec, partEnd - visual.startAtSec, part, signal);
        sources[index] = { kind: 'video', path: part, startAtSec: 0, loop: true };
        return;
      }
      sources[index] = { kind: 'video', path: visual.path, startAtSec: visual.startAtSec, loop: sourceSec - visual.startAtSec < needed + 0.1 };
      return;
    }
    if (visual.kind === 'image') {
      const path = join(workDir, `scene-${index}.png`);
      await sharp(visual.path, { limitInputPixels: 100_000_000 })
        .rotate()
        .resize(size.width, size.height, { fit: 'cover', position: 'attention' })
        .flatten({ background: '#000000' })
        .png({ compressionLevel: 1 })
        .toFile(path);
      sources[index] = { kind: 'still', path, photo: true };
      return;
    }
    const headline = cardHeadline(scene);
    const key = `${visual.design}|${visual.palette}|${visual.layout ?? 'centred'}|${visual.tag ?? ''}|${headline}|${size.width}x${size.height}`;
    let card = cards.get(key);
    if (!card) {
      const path = join(workDir, `card-${index}.png`);
      const textPath = join(workDir, `card-${index}-text.png`);
      card = renderCardLayers({ design: visual.design, palette: visual.palette, layout: visual.layout, tag: visual.tag, headline, ...frameSize(plan) }, size).then(async (layers) => {
        await Promise.all([writeFile(path, layers.background), writeFile(textPath, layers.text.png)]);
        const { left, top, height } = layers.text;
        return { kind: 'still', path, photo: false, text: { path: textPath, left, top, height } };
      });
      cards.set(key, card);
    }
    sources[index] = await card;
    if (signal?.aborted) throw new FfmpegCancelledError();
  });
  return sources;
}

/** Two stills at a time: one per core, and a bounded amount of decoded pixels in memory. */
const STILLS_AT_ONCE = 2;

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The picture of [start, start + seconds) of a clip, re-encoded fast and near-losslessly (the render encodes it again). */
function cutPart(path: string, startSec: number, seconds: number, out: string, signal?: AbortSignal): Promise<string> {
  const range = ['-ss', startSec.toFixed(3), '-t', seconds.toFixed(3)];
  return runFfmpeg(['-y', ...range, '-i', path, '-an', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '12', '-pix_fmt', 'yuv420p', out], { signal });
}
