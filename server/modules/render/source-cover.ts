import type { Step } from '../../../contracts/steps.ts';

/**
 * Where the cover comes from when the author chose a frame of the video source (step 6's
 * coverFromSourceSec, over step 2's media source with a picture); null: a frame of the render.
 */
export function sourceCover(steps: readonly Step[]): { assetId: string; atSec: number } | null {
  const atSec = steps.find((s) => s.stepNumber === 6)?.data.coverFromSourceSec;
  const media = steps.find((s) => s.stepNumber === 2)?.data.media as { assetId?: unknown; hasVideo?: unknown; durationSec?: unknown } | undefined;
  if (typeof atSec !== 'number' || typeof media?.assetId !== 'string' || media.hasVideo !== true) return null;
  const last = typeof media.durationSec === 'number' ? Math.max(0, media.durationSec - 0.1) : atSec;
  return { assetId: media.assetId, atSec: Math.min(atSec, last) };
}
