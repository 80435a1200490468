import type { SceneBoundary } from '../../../contracts/voice-api.ts';
import { TRACK_SAMPLE_RATE } from '../../adapters/ffmpeg/audio.ts';
import { findPauses, findSpeechBounds } from './pcm.ts';
import type { TextScene } from './reading-speed.ts';
import { round } from './word-timing.ts';
import { splitWords } from './words.ts';

/** Cost of leaving a cut where the words put it instead of in a pause, in average scene lengths. */
const NO_PAUSE_COST = 0.35;
/** A pause's length (capped at 1 s) lowers its cost: scenes are usually parted by the longest pauses. */
const PAUSE_LENGTH_BONUS = 0.3;

interface Candidate {
  at: number;
  cost: (estimate: number) => number;
  /** A stand-in for "no pause", usable only for the cut it was made for. */
  forCut?: number;
}

/**
 * Scene boundaries for one recording of the whole script. Each cut is first estimated from the
 * words spoken before it, over the part of the recording where there is speech; then the cuts are
 * placed, in order, in the pauses that best fit those estimates (longer pauses preferred). A cut
 * with no fitting pause stays at its estimate.
 */
export function proposeBoundaries(samples: Float32Array, scenes: TextScene[], durationSec: number): SceneBoundary[] {
  if (scenes.length === 0) return [];
  const bounds = findSpeechBounds(samples, TRACK_SAMPLE_RATE);
  const speechStart = bounds ? bounds.startSample / TRACK_SAMPLE_RATE : 0;
  const speechEnd = bounds ? bounds.endSample / TRACK_SAMPLE_RATE : durationSec;
  const weights = scenes.map((s) => Math.max(1, splitWords(s.text).length));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const sceneLength = Math.max(0.1, (speechEnd - speechStart) / scenes.length);
  const estimates: number[] = [];
  let before = 0;
  for (let i = 0; i < scenes.length - 1; i++) {
    before += weights[i]!;
    estimates.push(speechStart + ((speechEnd - speechStart) * before) / total);
  }

  const pauses = findPauses(samples, TRACK_SAMPLE_RATE, { minSec: 0.12 }).filter((p) => p.start > speechStart && p.end < speechEnd);
  const candidates: Candidate[] = [
    ...pauses.map((p) => ({
      at: (p.start + p.end) / 2,
      cost: (estimate: number) => Math.abs((p.start + p.end) / 2 - estimate) / sceneLength - PAUSE_LENGTH_BONUS * Math.min(1, p.end - p.start),
    })),
    ...estimates.map((estimate, cut) => ({ at: estimate, forCut: cut, cost: () => NO_PAUSE_COST })),
  ].sort((a, b) => a.at - b.at);

  const cuts = cheapestOrderedCuts(candidates, estimates) ?? estimates;
  const edges = [0, ...cuts, durationSec];
  return scenes.map((scene, i) => ({ sceneId: scene.id, start: round(edges[i]!), end: round(edges[i + 1]!) }));
}

/** Dynamic programming over (cut, candidate): one strictly later candidate per cut, least total cost. */
function cheapestOrderedCuts(candidates: Candidate[], estimates: number[]): number[] | null {
  const cuts = estimates.length;
  if (cuts === 0) return [];
  const best: number[][] = estimates.map(() => candidates.map(() => Infinity));
  const from: number[][] = estimates.map(() => candidates.map(() => -1));
  for (let k = 0; k < cuts; k++) {
    for (let c = 0; c < candidates.length; c++) {
      const candidate = candidates[c]!;
      if (candidate.forCut !== undefined && candidate.forCut !== k) continue;
      const cost = candidate.cost(estimates[k]!);
      if (k === 0) {
        best[0]![c] = cost;
        continue;
      }
      for (let p = 0; p < c; p++) {
        const previous = best[k - 1]![p]!;
        if (candidates[p]!.at >= candidate.at || previous + cost >= best[k]![c]!) continue;
        best[k]![c] = previous + cost;
        from[k]![c] = p;
      }
    }
  }
  const last = best[cuts - 1]!;
  let end = last.indexOf(Math.min(...last));
  if (!Number.isFinite(last[end]!)) return null;
  const chosen: number[] = [];
  for (let k = cuts - 1; k >= 0; k--) {
    chosen.unshift(candidates[end]!.at);
    end = from[k]![end]!;
  }
  return chosen;
}
