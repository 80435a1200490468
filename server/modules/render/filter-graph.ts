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

/**
 * Splits a clip into the frames shown alone and the frames that go into crossfades. xfade only
 * takes 4:4:4 formats (ffmpeg 5.1), so only the few transition frames are converted for it;
 * passing whole clips through xfade costs a 4:2:0 <-> 4:4:4 conversion on every frame.
 */
function splitForCrossfades(clip: SceneClip, head: number, tail: number, fps: number): { filters: string[]; head?: string; body: string; tail?: string } {
  const label = `c${clip.index}`;
  if (head === 0 && tail === 0) return { filters: [], body: label };
  const frames = clipFrames(clip);
  const outputs = [head > 0 ? 'h' : '', 'b', tail > 0 ? 't' : ''].filter(Boolean);
  const filters = [`[${label}]split=${outputs.length}${outputs.map((o) => `[${label}${o}]`).join('')}`];
  const restamp = `settb=1/${fps},setpts=N`;
  if (head > 0) filters.push(`[${label}h]trim=end_frame=${head},format=yuv444p[${label}head]`);
  filters.push(`[${label}b]trim=start_frame=${head}:end_frame=${frames - tail},${restamp}[${label}body]`);
  if (tail > 0) filters.push(`[${label}t]trim=start_frame=${frames - tail},${restamp},format=yuv444p[${label}tail]`);
  return { filters, head: head > 0 ? `${label}head` : undefined, body: `${label}body`, tail: tail > 0 ? `${label}tail` : undefined };
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

  // Crossfades only between clips of the window; at its edges a clip keeps its overlap frames as they are.
  const xfadeInto = (i: number) => (i > 0 && clips[i]?.join === 'xfade' ? clips[i]!.xfadeFrames : 0);
  const parts = clips.map((clip, i) => splitForCrossfades(clip, xfadeInto(i), xfadeInto(i + 1), fps));
  const sequence: string[] = [];
  parts.forEach((part, i) => {
    filters.push(...part.filters);
    const previousTail = parts[i - 1]?.tail;
    if (part.head && previousTail) {
      const seconds = (xfadeInto(i) / fps).toFixed(4);
      filters.push(`[${previousTail}][${part.head}]xfade=transition=fade:duration=${seconds}:offset=0,format=yuv420p,settb=1/${fps},setpts=N[x${clips[i]!.index}]`);
      sequence.push(`x${clips[i]!.index}`);
    }
    sequence.push(part.body);
  });

  const first = clips[0]!;
  const last = clips[clips.length - 1]!;
  const windowStart = first.startFrame - first.leadIn;
  const windowFrames = last.startFrame + last.sceneFrames + last.leadOut - windowStart;
  const joined: string[] = [];
  if (sequence.length > 1) joined.push(`concat=n=${sequence.length}:v=1:a=0`);
  joined.push(`settb=1/${fps}`);
  // Captions are timed on the whole video; a window that starts later is shifted onto that clock.
  if (windowStart > 0) joined.push(`setpts=PTS+${windowStart}`);
  const overlay: string[] = [];
  let inputCount = clips.length;
  if (req.plan.avatar) {
    const avatar = avatarOverlay(req, inputCount, windowStart, windowFrames);
    inputArgs.push(...avatar.inputArgs);
    filters.push(avatar.filter);
    inputCount++;
    overlay.push(avatar.overlay);
  }
  const finish: string[] = [];
  if (req.assPath) finish.push(`ass=filename=${escapeFilterValue(req.assPath)}:fontsdir=${escapeFilterValue(req.fontsDir)}`);
  finish.push('format=yuv420p');
  const inputs = sequence.map((label) => `[${label}]`).join('');
  if (overlay.length > 0) {
    filters.push(`${inputs}${joined.join(',')}[base]`, `[base][avatar]${overlay.join(',')},${finish.join(',')}[vout]`);
  } else {
    filters.push(`${inputs}${[...joined, ...finish].join(',')}[vout]`);
  }
  return { inputArgs, filters, inputCount };
}

/** The avatar's box: a 3:4 portrait a third of the frame's short side wide, with a thin white frame. */
export function avatarBox(plan: RenderPlan): { width: number; height: number; x: number; y: number; border: number } {
  const { width: frameWidth, height: frameHeight } = frameSize(plan);
  const short = Math.min(frameWidth, frameHeight);
  const width = even(short * 0.34);
  const height = even((width * 4) / 3);
  const border = 6;
  const margin = even(short * 0.045);
  const vertical = plan.output.aspect === '9:16';
  // Opposite the captions, clear of a vertical feed's top bar and bottom description.
  const atBottom = plan.captions?.style.position === 'top';
  const y = atBottom ? frameHeight - height - 2 * border - (vertical ? Math.round(frameHeight * 0.22) : margin) : vertical ? Math.round(frameHeight * 0.1) : margin;
  return { width, height, x: frameWidth - width - 2 * border - margin, y, border };
}

/** The corner avatar: its clip from the window's start, cropped to the box, on the video's clock. */
function avatarOverlay(req: GraphRequest, input: number, windowStart: number, windowFrames: number): { inputArgs: string[]; filter: string; overlay: string } {
  const { fps } = req.timeline;
  const box = avatarBox(req.plan);
  const startSec = windowStart / fps;
  const inputArgs = [...(startSec > 0 ? ['-ss', startSec.toFixed(3)] : []), '-t', ((windowFrames + 2) / fps).toFixed(3), '-i', req.plan.avatar!.path];
  const steps = [
    `fps=${fps}`,
    `scale=${box.width}:${box.height}:force_original_aspect_ratio=increase`,
    `crop=${box.width}:${box.height}`,
    `pad=${box.width + 2 * box.border}:${box.height + 2 * box.border}:${box.border}:${box.border}:color=white`,
    'format=yuv420p',
    `trim=end_frame=${windowFrames}`,
    `settb=1/${fps}`,
    `setpts=N+${windowStart}`,
  ];
  // eof_action=pass: a clip shorter than the video leaves the visuals alone once it ends.
  return { inputArgs, filter: `[${input}:v]${steps.join(',')}[avatar]`, overlay: `overlay=x=${box.x}:y=${box.y}:eof_action=pass` };
}
