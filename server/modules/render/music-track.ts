import { join } from 'node:path';
import type { RenderPlan } from '../../../contracts/render-plan.ts';
import { generateMusic } from '../music/generate-music.ts';
import { musicSeed, type ResolvedMusic } from '../music/music-choice.ts';

/**
 * The plan with its music as a file: generated music is written into `workDir` (a little longer
 * than the video, which fades it out); a plan with a music file or none is returned as it is.
 */
export async function withMusicFile(plan: RenderPlan, durationSec: number, workDir: string, signal?: AbortSignal): Promise<RenderPlan> {
  const generate = plan.music?.generate;
  if (!plan.music || !generate) return plan;
  const music = await generateMusic({ mood: generate.mood, seed: generate.seed, durationSec: durationSec + 1, signal }, join(workDir, 'music.wav'));
  return { ...plan, music: { ...plan.music, path: music.path, generate: undefined } };
}

/** The plan's music for what the author chose: their track's file, generated music, or none. */
export function musicPlan(choice: ResolvedMusic, trackPath: string | undefined, projectId: string): RenderPlan['music'] {
  if (choice.kind === 'off') return null;
  const level = { volume: choice.volume, duck: choice.duck };
  if (choice.kind === 'track') return trackPath ? { path: trackPath, ...level } : null;
  return { generate: { mood: choice.mood, seed: musicSeed(projectId) }, ...level };
}
