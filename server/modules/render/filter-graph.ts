import { OUTPUT_SIZES } from '../../../contracts/render-plan.ts';
import type { Motion, RenderPlan } from '../../../contracts/render-plan.ts';
import { clipFrames } from './timeline.ts';
import type { SceneClip, Timeline } from './timeline.ts';

/** Moving scenes start from a picture this much larger than the frame, so pans and zooms never show an edge. */
export const MOTION_OVERSCAN = 1.15;

/**
 * Photos move by resampling a picture twice the size they need (zoompan places its crop on whole
 * source pixels, so at 2x a step is half an output pixel and a slow zoom does not wobble).
 */
export const PHOTO_UPSCALE = 2;

/** A card's words, entering and leaving over its moving background. */
export interface TextLayer {
  path: string;
  left: number;
  top: number;
  height: number;
}

/** A still prepared at exactly `sourceSize(...)` (cards and images), or a clip ffmpeg scales itself. */
export type ClipSource =
  | { kind: 'still'; path: string; photo: boolean; text?: TextLayer }
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

/** The size a still must be prepared at for its scene's motion (photos at PHOTO_UPSCALE). */
export function sourceSize(plan: RenderPlan, motion: Motion, photo = false): { width: number; height: number } {
  const { width, height } = frameSize(plan);
  if (motion === 'none') return { width, height };
  const k = MOTION_OVERSCAN * (photo ? PHOTO_UPSCALE : 1);
  return { width: even(width * k), height: even(height * k) };
}

/** Escapes a value for a filter option inside a filtergraph (both escaping levels ffmpeg applies). */
export function escapeFilterValue(value: string): string {
  const optionLevel = value.replace(/[\\':]/g, (c) => `\\${c}`);
  return optionLevel.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

/**
 * Ken Burns on a still. Zooms, and every move of a photo, go through zoompan (it resamples each
 * frame; cheaper than a per-frame scale, and it works on ffmpeg builds whose scale has no `n`);
 * a card's pan is a plain crop on whole pixels (`exact`: one-pixel steps on 4:2:0 too), nearly free.
 */
function motionFilter(motion: Motion, frames: number, width: number, height: number, fps: number, photo: boolean): string | null {
  const last = Math.max(1, frames - 1);
  const k = MOTION_OVERSCAN;
  const zoompan = (z: string, x: string) => `zoompan=z='${z}':x='${x}':y='ih/2-ih/zoom/2':d=1:s=${width}x${height}:fps=${fps}`;
  switch (motion) {
    case 'none':
      return null;
    case 'zoom-in':
    case 'zoom-out':
      return zoompan(motion === 'zoom-in' ? `1+${(k - 1).toFixed(4)}*on/${last}` : `${k}-${(k - 1).toFixed(4)}*on/${last}`, 'iw/2-iw/zoom/2');
    case 'pan-left':
      if (photo) return zoompan(String(k), `(iw-iw/zoom)*(1-on/${last})`);
      return `crop=${width}:${height}:x='(iw-ow)*(1-n/${last})':y='(ih-oh)/2':exact=1`;
    case 'pan-right':
      if (photo) return zoompan(String(k), `(iw-iw/zoom)*on/${last}`);
      return `crop=${width}:${height}:x='(iw-ow)*n/${last}':y='(ih-oh)/2':exact=1`;
  }
}

/** A card's words come in (rise and fade, 0.5 s) after the clip's lead-in and leave (fade, 0.4 s) before its scene ends. */
const TEXT_ENTER_SEC = 0.5;
const TEXT_EXIT_SEC = 0.4;

function textOverlay(text: TextLayer, clip: SceneClip, fps: number, input: number, label: string): { chain: string; overlay: string } {
  const frames = clipFrames(clip);
  const enter = Math.round(TEXT_ENTER_SEC * fps);
  const exit = Math.round(TEXT_EXIT_SEC * fps);
  const steps = ['format=rgba', 'loop=loop=-1:size=1:start=0', `settb=1/${fps}`, 'setpts=N', `trim=end_frame=${frames}`];
  let y = String(text.top);
  // Too short a scene to watch the words arrive and go: they simply stay.
  if (clip.sceneFrames >= enter + exit + fps) {
    const exitStart = clip.leadIn + clip.sceneFrames - exit - Math.round(fps * 0.1);
    steps.push(`fade=t=in:s=${clip.leadIn}:n=${enter}:alpha=1`, `fade=t=out:s=${exitStart}:n=${exit}:alpha=1`);
    const rise = Math.round(text.height * 0.12);
    y = `${text.top}+${rise}*pow(min(1,max(0,1-(n-${clip.leadIn})/${enter})),2)`;
  }
  return { chain: `[${input}:v]${steps.join(',')}[${label}]`, overlay: `overlay=x=${text.left}:y='${y}':eval=frame` };
}

function clipChain(req: GraphRequest, clip: SceneClip, input: number, textInput: number): string[] {
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
  const motion = motionFilter(scene.motion, frames, width, height, fps, source.kind === 'still' && source.photo);
  if (motion) steps.push(motion);
  const chains: string[] = [];
  if (source.kind === 'still' && source.text) {
    const text = textOverlay(source.text, clip, fps, textInput, `t${clip.index}`);
    chains.push(text.chain, `[${input}:v]${steps.join(',')},settb=1/${fps},setpts=N[m${clip.index}]`);
    return finishClip(chains, [text.overlay], clip, frames, fps, `[m${clip.index}][t${clip.index}]`);
  }
  return finishClip(chains, steps, clip, frames, fps, `[${input}:v]`);
}

function finishClip(chains: string[], steps: string[], clip: SceneClip, frames: number, fps: number, inputs: string): string[] {
  steps.push('setsar=1');
  if (clip.fadeInFrames > 0) steps.push(`fade=t=in:s=0:n=${clip.fadeInFrames}`);
  if (clip.fadeOutFrames > 0) steps.push(`fade=t=out:s=${frames - clip.fadeOutFrames}:n=${clip.fadeOutFrames}`);
  // zoompan sets its own timestamps; put every clip back on the same clock so joins line up.
  steps.push(`settb=1/${fps}`, 'setpts=N');
  return [...chains, `${inputs}${steps.join(',')}[c${clip.index}]`];
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
  let nextInput = 0;
  for (const clip of clips) {
    const source = req.sources[clip.index]!;
    inputArgs.push(...clipInputArgs(source, clip, fps));
    const input = nextInput++;
    const textInput = source.kind === 'still' && source.text ? nextInput++ : -1;
    if (source.kind === 'still' && source.text) inputArgs.push('-framerate', String(fps), '-i', source.text.path);
    filters.push(...clipChain(req, clip, input, textInput));
  }

  // Crossfades only between clips of the window; at its edges a clip keeps its overlap frames as they are.
  const xfadeInto = (i: number) => (i > 0 && clips[i]?.join === 'xfade' ? clips[i]!.xfadeFrames : 0);
  const parts = clips.map((clip, i) => splitForCrossfades(clip, xfadeInto(i), xfadeInto(i + 1), fps));
  const sequence: string[] = [];
  parts.forEach((part, i) => {
    filters.push(...part.filters);
    const previousTail = parts[i - 1]?.tail;
    if (part.head && previousTail) {
      const seconds = (xfadeInto(i) / fps).toFixed(4);
      const kind = req.plan.scenes[clips[i]!.index]!.transition === 'slide' ? 'slideleft' : 'fade';
      filters.push(`[${previousTail}][${part.head}]xfade=transition=${kind}:duration=${seconds}:offset=0,format=yuv420p,settb=1/${fps},setpts=N[x${clips[i]!.index}]`);
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
  let inputCount = nextInput;
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
