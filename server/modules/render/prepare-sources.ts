import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { RenderScene } from '../../../contracts/render-plan.ts';
import { FfmpegCancelledError } from '../../adapters/ffmpeg/run.ts';
import { renderCard } from './card.ts';
import { keywordsFromText } from './card-keywords.ts';
import { sourceSize } from './filter-graph.ts';
import type { ClipSource } from './filter-graph.ts';
import { clipFrames } from './timeline.ts';
import type { Timeline } from './timeline.ts';
import type { CheckedPlan } from './validate-plan.ts';

/** The words a card shows: its keywords, else the scene's own key words, else its text. */
export function cardHeadline(scene: RenderScene): string {
  if (scene.visual.kind === 'card' && scene.visual.keywords.length > 0) return scene.visual.keywords.join(' ');
  const keywords = keywordsFromText(scene.text);
  return keywords.length > 0 ? keywords.join(' ') : scene.text;
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
  const cards = new Map<string, Promise<string>>();
  await forEachLimited(clipIndexes, STILLS_AT_ONCE, async (index) => {
    const scene = plan.scenes[index]!;
    const clip = timeline.clips[index]!;
    const size = sourceSize(plan, scene.motion);
    const visual = scene.visual;
    if (visual.kind === 'video') {
      const available = (checked.videoSourceSec.get(index) ?? 0) - visual.startAtSec;
      const needed = clipFrames(clip) / timeline.fps;
      sources[index] = { kind: 'video', path: visual.path, startAtSec: visual.startAtSec, loop: available < needed + 0.1 };
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
      sources[index] = { kind: 'still', path };
      return;
    }
    const headline = cardHeadline(scene);
    const key = `${visual.design}|${visual.palette}|${headline}|${size.width}x${size.height}`;
    let card = cards.get(key);
    if (!card) {
      const path = join(workDir, `card-${index}.png`);
      card = renderCard({ design: visual.design, palette: visual.palette, headline, ...size }).then(async (png) => {
        await writeFile(path, png);
        return path;
      });
      cards.set(key, card);
    }
    sources[index] = { kind: 'still', path: await card };
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
