import { OUTPUT_SIZES } from '../../../contracts/render-plan.ts';
import type { Motion, RenderPlan } from '../../../contracts/render-plan.ts';
import { clipFrames } from './timeline.ts';
import type { SceneClip, Timeline } from './timeline.ts';

/** Moving scenes start from a picture this much larger than the frame, so pans and zooms never show an edge. */
export const MOTION_OVERSCAN = 1.15;

/** A still prepared at exactly `sourceSize(...)` (cards and images), or a clip ffmpeg scales itself. */
export type ClipSource =
  | { kind: 'still'; path: string }
  | { kind: 'video'; path: string; startAtSec: number; loop: boolean };

export interface GraphRequest {
  plan: RenderPlan;
  timeline: Timeline;
  sources: ClipSource[];
  assPath: string | null;
  fontsDir: string;
  /** Clips [first, last] (inclusive) to include; the full render includes all of them. */
  window: { first: number; last: number };
}

export interface VideoGraph {
  /** Input arguments (-i ... for each clip source, in clip order). */
  inputArgs: string[];
  /** Filter chains ending in the label [vout]. */
  filters: string[];
  /** Number of inputs used, so the caller can append audio inputs after them. */
  inputCount: number;
}

const even = (n: number) => Math.round(n / 2) * 2;

export function frameSize(plan: RenderPlan): { width: number; height: number } {
  return OUTPUT_SIZES[plan.output.aspect];
}

/** The size a still must be prepared at for its scene's motion. */
export function sourceSize(plan: RenderPlan, motion: Motion): { width: number; height: number } {
  const { width, height } = frameSize(plan);
  if (motion === 'none') return { width, height };
  return { width: even(width * MOTION_OVERSCAN), height: even(height * MOTION_OVERSCAN) };
}

/** Escapes a value for a filter option inside a filtergraph (both escaping levels ffmpeg applies). */
export function escapeFilterValue(value: string): string {
  const optionLevel = value.replace(/[\\':]/g, (c) => `\\${c}`);
  return optionLevel.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

function motionFilter(motion: Motion, frames: number, width: number, height: number, fps: number): string | null {
  const last = Math.max(1, frames - 1);
  const k = MOTION_OVERSCAN;
  switch (motion) {
    case 'none':
      return null;
    // zoompan rather than a per-frame scale: it is cheaper and works on ffmpeg builds whose scale has no `n`.
    case 'zoom-in':
    case 'zoom-out': {
      const zoom = motion === 'zoom-in' ? `1+${(k - 1).toFixed(4)}*on/${last}` : `${k}-${(k - 1).toFixed(4)}*on/${last}`;
      return `zoompan=z='${zoom}':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':d=1:s=${width}x${height}:fps=${fps}`;
    }
    case 'pan-left':
      return `crop=${width}:${height}:x='(iw-ow)*(1-n/${last})':y='(ih-oh)/2'`;
    case 'pan-right':
      return `crop=${width}:${height}:x='(iw-ow)*n/${last}':y='(ih-oh)/2'`;
  }
}

function clipChain(req: GraphRequest, clip: SceneClip, input: number): string {
  const { plan, timeline } = req;
  const { fps } = timeline;
  const { width, height } = frameSize(plan);
  const scene = plan.scenes[clip.index]!;
  const source = req.sources[clip.index]!;
  const frames = clipFrames(clip);
  const steps: string[] = [];
  if (source.kind === 'still') {
    // One decoded picture repeated in memory: far cheaper than looping the image demuxer.
    steps.push('format=yuv420p', 'loop=loop=-1:size=1:start=0');
  } else {
    const target = sourceSize(plan, scene.motion);
    steps.push(
      `fps=${fps}`,
      `scale=${target.width}:${target.height}:force_original_aspect_ratio=increase`,
      `crop=${target.width}:${target.height}`,
      'format=yuv420p',
      'tpad=stop_mode=clone:stop=-1',
    );
  }
  steps.push(`settb=1/${fps}`, 'setpts=N', `trim=end_frame=${frames}`);
  const motion = motionFilter(scene.motion, frames, width, height, fps);
  if (motion) steps.push(motion);
  steps.push('setsar=1');
  if (clip.fadeInFrames > 0) steps.push(`fade=t=in:s=0:n=${clip.fadeInFrames}`);
  if (clip.fadeOutFrames > 0) steps.push(`fade=t=out:s=${frames - clip.fadeOutFrames}:n=${clip.fadeOutFrames}`);
  // zoompan sets its own timestamps; put every clip back on the same clock so joins line up.
  steps.push(`settb=1/${fps}`, 'setpts=N');
  return `[${input}:v]${steps.join(',')}[c${clip.index}]`;
}

function clipInputArgs(source: ClipSource, clip: SceneClip, fps: number): string[] {
  // The frame rate of every link must agree for xfade; a still's would otherwise be 25.
  if (source.kind === 'still') return ['-framerate', String(fps), '-i', source.path];
  const seconds = (clipFrames(clip) + 2) / fps;
  return [
    ...(source.loop ? ['-stream_loop', '-1'] : []),
    ...(source.startAtSec > 0 ? ['-ss', source.startAtSec.toFixed(3)] : []),
    '-t', seconds.toFixed(3),
    '-i', source.path,
  ];
}

/** The video part of the render: one chain per clip, joined by cuts, crossfades or fades, captions on top. */
export function buildVideoGraph(req: GraphRequest): VideoGraph {
  const { timeline, window } = req;
  const { fps } = timeline;
  const clips = timeline.clips.slice(window.first, window.last + 1);
  const inputArgs: string[] = [];
  const filters: string[] = [];
  clips.forEach((clip, i) => {
    inputArgs.push(...clipInputArgs(req.sources[clip.index]!, clip, fps));
    filters.push(clipChain(req, clip, i));
  });

  const windowStart = clips[0]!.startFrame - clips[0]!.leadIn;
  let current = `c${clips[0]!.index}`;
  for (const clip of clips.slice(1)) {
    const joined = `j${clip.index}`;
    if (clip.join === 'xfade') {
      const offset = (clip.startFrame - clip.xfadeFrames / 2 - windowStart) / fps;
      filters.push(`[${current}][c${clip.index}]xfade=transition=fade:duration=${(clip.xfadeFrames / fps).toFixed(4)}:offset=${offset.toFixed(4)}[${joined}]`);
    } else {
      filters.push(`[${current}][c${clip.index}]concat=n=2:v=1:a=0,settb=1/${fps}[${joined}]`);
    }
    current = joined;
  }

  const tail: string[] = [];
  // Captions are timed on the whole video; a window that starts later is shifted onto that clock.
  if (windowStart > 0) tail.push(`setpts=PTS+${windowStart}`);
  if (req.assPath) tail.push(`ass=filename=${escapeFilterValue(req.assPath)}:fontsdir=${escapeFilterValue(req.fontsDir)}`);
  tail.push('format=yuv420p');
  filters.push(`[${current}]${tail.join(',')}[vout]`);
  return { inputArgs, filters, inputCount: clips.length };
}
