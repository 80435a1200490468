import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ffmpegBinary } from '../../adapters/ffmpeg/binary.ts';
import { FfmpegCancelledError, runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { buildAssSubtitles } from './captions-ass.ts';
import { frameSize } from './filter-graph.ts';
import type { GraphRequest } from './filter-graph.ts';
import { FONTS_DIR } from './fonts.ts';
import { prepareClipSources } from './prepare-sources.ts';
import { withMusicFile } from './music-track.ts';
import { buildRenderArgs } from './render-args.ts';
import { buildTimeline } from './timeline.ts';
import type { Timeline } from './timeline.ts';
import { validateRenderPlan } from './validate-plan.ts';
import type { CheckedPlan } from './validate-plan.ts';

export type RenderStep = 'validating' | 'preparing visuals' | 'writing captions' | 'encoding' | 'finishing';

export interface RenderProgress {
  /** 0..1 over the whole render. */
  fraction: number;
  step: RenderStep;
}

export interface RenderVideoOptions {
  signal?: AbortSignal;
  onProgress?: (progress: RenderProgress) => void;
  /** Where the prepared stills and captions go (emptied and removed at the end); a new temporary directory when absent. */
  workDir?: string;
}

export interface RenderResult {
  path: string;
  durationSec: number;
  width: number;
  height: number;
  bytes: number;
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new FfmpegCancelledError();
}

export interface PreparedRender {
  checked: CheckedPlan;
  timeline: Timeline;
  request: GraphRequest;
}

/** Validates the plan and writes what the graph reads (stills, ASS) into `workDir`. */
export async function prepareRender(
  planInput: unknown,
  workDir: string,
  clipIndexes: ((timeline: Timeline) => number[]) | null,
  options: RenderVideoOptions = {},
): Promise<PreparedRender> {
  const { signal, onProgress } = options;
  onProgress?.({ fraction: 0, step: 'validating' });
  const checked = await validateRenderPlan(planInput);
  throwIfAborted(signal);
  const { plan } = checked;
  const binary = await ffmpegBinary();
  const timeline = buildTimeline(plan.scenes, plan.output.fps, binary.hasXfade);
  const indexes = clipIndexes ? clipIndexes(timeline) : timeline.clips.map((c) => c.index);

  onProgress?.({ fraction: 0.02, step: 'preparing visuals' });
  const sources = await prepareClipSources(checked, timeline, workDir, indexes, signal);
  throwIfAborted(signal);

  let assPath: string | null = null;
  if (plan.captions) {
    onProgress?.({ fraction: 0.08, step: 'writing captions' });
    assPath = join(workDir, 'captions.ass');
    await writeFile(assPath, buildAssSubtitles(plan.captions, plan.output.aspect));
  }
  const window = { first: Math.min(...indexes), last: Math.max(...indexes) };
  return { checked, timeline, request: { plan, timeline, sources, assPath, fontsDir: FONTS_DIR, window } };
}

/**
 * Renders a plan to an MP4 at `outputPath`: H.264 yuv420p + AAC 48 kHz, faststart, exact frame
 * size, 30 fps, as long as the scenes. The file appears only when complete (written under a
 * temporary name in the same directory, then renamed); a cancelled or failed render leaves nothing.
 */
export async function renderVideo(planInput: unknown, outputPath: string, options: RenderVideoOptions = {}): Promise<RenderResult> {
  const { signal, onProgress } = options;
  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), 'reelforge-render-')));
  await mkdir(workDir, { recursive: true });
  const partialPath = join(dirname(outputPath), `.${basename(outputPath)}.${randomUUID().slice(0, 8)}.partial`);
  try {
    const { checked, timeline, request } = await prepareRender(planInput, workDir, null, options);
    const durationSec = timeline.totalFrames / timeline.fps;
    request.plan = await withMusicFile(request.plan, durationSec, workDir, signal);
    onProgress?.({ fraction: 0.1, step: 'encoding' });
    await runFfmpeg(buildRenderArgs(request, partialPath), {
      signal,
      durationSec,
      onProgress: (fraction) => onProgress?.({ fraction: 0.1 + 0.88 * fraction, step: 'encoding' }),
    });
    throwIfAborted(signal);
    onProgress?.({ fraction: 0.99, step: 'finishing' });
    await rename(partialPath, outputPath);
    const { size } = await stat(outputPath);
    onProgress?.({ fraction: 1, step: 'finishing' });
    return { path: outputPath, durationSec, ...frameSize(checked.plan), bytes: size };
  } finally {
    await rm(partialPath, { force: true });
    await rm(workDir, { recursive: true, force: true });
  }
}
