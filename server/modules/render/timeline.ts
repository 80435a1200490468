import type { RenderScene } from '../../../contracts/render-plan.ts';

/** Transitions last 0.4 s, shorter when a scene is too short to give up that much of itself. */
export const TRANSITION_SEC = 0.4;

export type Join = 'cut' | 'xfade' | 'fade';

/**
 * One scene as a clip of frames. A crossfade overlaps two clips, so the clips on both sides are
 * longer than their scenes by half the transition; a fade through black (and a crossfade or slide
 * on an ffmpeg without xfade) keeps the scene lengths and darkens the end of one and the start of the next.
 */
export interface SceneClip {
  index: number;
  /** First frame of the scene on the output timeline. */
  startFrame: number;
  /** Frames the scene itself lasts. */
  sceneFrames: number;
  /** Frames added before the scene (half of an incoming crossfade). */
  leadIn: number;
  /** Frames added after the scene (half of an outgoing crossfade). */
  leadOut: number;
  fadeInFrames: number;
  fadeOutFrames: number;
  /** How this clip joins the one before it; 'cut' for the first. */
  join: Join;
  /** Length of the crossfade into this clip, when join is 'xfade'. */
  xfadeFrames: number;
}

export interface Timeline {
  fps: number;
  clips: SceneClip[];
  totalFrames: number;
}

export function clipFrames(clip: SceneClip): number {
  return clip.leadIn + clip.sceneFrames + clip.leadOut;
}

export function buildTimeline(scenes: RenderScene[], fps: number, hasXfade: boolean): Timeline {
  const boundaries = scenes.map((scene, i) => (i === 0 ? 0 : Math.round(scene.start * fps)));
  const totalFrames = Math.round((scenes[scenes.length - 1]?.end ?? 0) * fps);
  const clips: SceneClip[] = scenes.map((_, i) => {
    const startFrame = boundaries[i] ?? 0;
    const endFrame = boundaries[i + 1] ?? totalFrames;
    return {
      index: i,
      startFrame,
      sceneFrames: Math.max(1, endFrame - startFrame),
      leadIn: 0,
      leadOut: 0,
      fadeInFrames: 0,
      fadeOutFrames: 0,
      join: 'cut',
      xfadeFrames: 0,
    };
  });

  for (let i = 1; i < clips.length; i++) {
    const clip = clips[i]!;
    const previous = clips[i - 1]!;
    const wanted = scenes[i]!.transition;
    if (wanted === 'cut') continue;
    // Even, so each side gives up a whole number of frames; at most a third of either scene.
    const longest = Math.min(Math.round(TRANSITION_SEC * fps), Math.floor(Math.min(previous.sceneFrames, clip.sceneFrames) / 3));
    const frames = longest - (longest % 2);
    if (frames < 2) continue;
    if ((wanted === 'crossfade' || wanted === 'slide') && hasXfade) {
      clip.join = 'xfade';
      clip.xfadeFrames = frames;
      clip.leadIn = frames / 2;
      previous.leadOut = frames / 2;
    } else {
      clip.join = 'fade';
      clip.fadeInFrames = frames / 2;
      previous.fadeOutFrames = frames / 2;
    }
  }
  return { fps, clips, totalFrames };
}
