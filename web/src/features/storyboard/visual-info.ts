import type { StoryboardSceneView } from './api/storyboard.ts';

export type VisualKind = 'card' | 'upload' | 'article' | 'stock';

/** Which picker tab a scene's visual belongs to. */
export function pickerOf(scene: StoryboardSceneView): VisualKind {
  const kind = scene.visual?.kind;
  if (kind === 'image' || kind === 'video') return 'upload';
  if (kind === 'article-image') return 'article';
  if (kind === 'stock') return 'stock';
  return 'card';
}

/** Seconds of a clip a scene plays: from the start to the chosen end, or to the clip's end. */
export function clipPartSec(clipSec: number, startAtSec: number, endAtSec?: number): number {
  return Math.max(0, Math.min(clipSec, endAtSec ?? clipSec) - startAtSec);
}

/** How a clip (or its chosen part) fills its scene: looped when it runs out, trimmed when longer, or exactly fitting. */
export function clipFit(clipSec: number | null, startAtSec: number, sceneSec: number, endAtSec?: number): 'loops' | 'trimmed' | 'fits' | null {
  if (clipSec === null || !(clipSec > 0)) return null;
  const available = clipPartSec(clipSec, startAtSec, endAtSec);
  if (available < sceneSec - 0.05) return 'loops';
  if (available > sceneSec + 0.05) return 'trimmed';
  return 'fits';
}

export type Thumb =
  | { kind: 'card'; design: string; palette: string; text: string }
  | { kind: 'image'; src: string }
  | { kind: 'video'; src: string; atSec: number };

/** What a small picture of the scene shows: its card, its image, or its clip's first frame. */
export function thumbOf(scene: StoryboardSceneView): Thumb {
  const visual = scene.visual;
  const text = scene.keywords.join(' ') || scene.text;
  if (!visual || visual.kind === 'card') {
    const chosen = visual?.kind === 'card' ? visual : null;
    const keywords = chosen?.keywords?.filter((k) => k.trim()) ?? [];
    return {
      kind: 'card',
      design: chosen?.design ?? scene.automaticCard?.design ?? 'gradient',
      palette: chosen?.palette ?? scene.automaticCard?.palette ?? 'midnight',
      text: keywords.length > 0 ? keywords.join(' ') : text,
    };
  }
  const src = scene.asset?.url ?? '';
  const isVideo = visual.kind === 'video' || (visual.kind === 'stock' && visual.media === 'video');
  if (isVideo) return { kind: 'video', src, atSec: visual.kind === 'video' ? (visual.startAtSec ?? 0) : 0 };
  return { kind: 'image', src };
}

export const formatSeconds = (seconds: number, language: string) =>
  new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(seconds);
