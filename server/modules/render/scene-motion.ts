import type { FormatId } from '../../../contracts/formats.ts';
import type { Motion, Transition, Visual } from '../../../contracts/render-plan.ts';

const PHOTO_MOVES: Motion[] = ['zoom-in', 'pan-right', 'zoom-out', 'pan-left'];

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) >>> 0;
  return h;
}

/**
 * How a scene moves when the author has not said: a photo gets a Ken Burns move picked per
 * picture (so two photos in a row move differently), a card's background drifts the other way
 * from the card before it, a video clip moves by itself.
 */
export function automaticMotion(visual: Visual, index: number): Motion {
  if (visual.kind === 'video') return 'none';
  if (visual.kind === 'card') return index % 2 === 0 ? 'pan-right' : 'pan-left';
  return PHOTO_MOVES[(hash(visual.path) + index) % PHOTO_MOVES.length]!;
}

/** Transitions by format: news and lists push on with a slide, stories dissolve, a hot take cuts. */
export const FORMAT_TRANSITIONS: Record<FormatId, Transition> = {
  news: 'slide',
  'hook-story': 'crossfade',
  explainer: 'crossfade',
  listicle: 'slide',
  comparison: 'slide',
  'hot-take': 'cut',
};
