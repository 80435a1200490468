import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import type { z } from 'zod';
import { renderPlanSchema } from '../../../contracts/render-plan.ts';
import type { RenderPlan } from '../../../contracts/render-plan.ts';
import { ffmpegBinary } from '../../adapters/ffmpeg/binary.ts';
import { probeMedia } from '../../adapters/ffmpeg/probe.ts';

/** The shortest part of a clip a scene may repeat (below it, a scene flickers). */
export const MIN_CLIP_PART_SEC = 0.5;

export interface PlanIssue {
  /** The offending field, e.g. `scenes[2].visual.path`. */
  path: string;
  message: string;
}

export class RenderPlanError extends Error {
  constructor(readonly issues: PlanIssue[]) {
    super(`invalid render plan: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'RenderPlanError';
  }
}

/** A plan that passed every check, with what the checks learned about its media. */
export interface CheckedPlan {
  plan: RenderPlan;
  /** Length of the output: the end of the last scene. */
  durationSec: number;
  narrationSec: number | null;
  /** Source length of each video visual, by scene index. */
  videoSourceSec: Map<number, number>;
}

/** Boundaries may disagree by up to one frame (rounding in whoever produced the timings). */
const TIME_TOLERANCE_SEC = 1 / 30 + 0.001;
/** Word timings come from the aligner or TTS and may spill a little past their scene. */
const WORD_TOLERANCE_SEC = 0.15;

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(plan)';
}

function zodIssues(error: z.ZodError): PlanIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

function checkTimeline(plan: RenderPlan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const ids = new Set<string>();
  plan.scenes.forEach((scene, i) => {
    const at = `scenes[${i}]`;
    if (ids.has(scene.sceneId)) issues.push({ path: `${at}.sceneId`, message: `duplicate scene id '${scene.sceneId}'` });
    ids.add(scene.sceneId);
    if (scene.end - scene.start < 2 / 30) {
      issues.push({ path: `${at}.end`, message: `${scene.end} must be at least two frames after start ${scene.start}` });
    }
    const expectedStart = i === 0 ? 0 : (plan.scenes[i - 1]?.end ?? 0);
    if (Math.abs(scene.start - expectedStart) > TIME_TOLERANCE_SEC) {
      const what = i === 0 ? 'the video starts at 0' : `scenes[${i - 1}].end is ${expectedStart}; scenes must be contiguous`;
      issues.push({ path: `${at}.start`, message: `${scene.start} does not follow on: ${what}` });
    }
  });
  if (!plan.captions) return issues;

  const sceneById = new Map(plan.scenes.map((s) => [s.sceneId, s]));
  plan.captions.scenes.forEach((captionScene, c) => {
    const scene = sceneById.get(captionScene.sceneId);
    if (!scene) {
      issues.push({ path: `captions.scenes[${c}].sceneId`, message: `no scene with id '${captionScene.sceneId}'` });
      return;
    }
    let previousStart = -Infinity;
    captionScene.words.forEach((word, w) => {
      const at = `captions.scenes[${c}].words[${w}]`;
      if (word.end < word.start) issues.push({ path: `${at}.end`, message: `${word.end} is before start ${word.start}` });
      if (word.start < previousStart) issues.push({ path: `${at}.start`, message: `${word.start} is before the previous word's start ${previousStart}` });
      if (word.start < scene.start - WORD_TOLERANCE_SEC || word.end > scene.end + WORD_TOLERANCE_SEC) {
        issues.push({ path: `${at}`, message: `${word.start}-${word.end} lies outside its scene (${scene.start}-${scene.end})` });
      }
      previousStart = word.start;
    });
  });
  return issues;
}

async function fileIssue(path: string, file: string): Promise<PlanIssue | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? null : { path, message: `not a file: ${file}` };
  } catch {
    return { path, message: `file not found: ${file}` };
  }
}

async function probeStream(path: string, file: string, kind: 'audio' | 'video'): Promise<{ issue: PlanIssue | null; durationSec: number }> {
  const missing = await fileIssue(path, file);
  if (missing) return { issue: missing, durationSec: 0 };
  try {
    const info = await probeMedia(file);
    if (!info.streams.some((s) => s.codecType === kind)) return { issue: { path, message: `no ${kind} stream in ${file}` }, durationSec: 0 };
    return { issue: null, durationSec: info.durationSec };
  } catch {
    return { issue: { path, message: `not readable media: ${file}` }, durationSec: 0 };
  }
}

async function imageIssue(path: string, file: string): Promise<PlanIssue | null> {
  const missing = await fileIssue(path, file);
  if (missing) return missing;
  try {
    const meta = await sharp(file, { limitInputPixels: 100_000_000 }).metadata();
    return meta.width && meta.height ? null : { path, message: `image has no size: ${file}` };
  } catch (error) {
    return { path, message: `not a readable image (${(error as Error).message}): ${file}` };
  }
}

async function environmentIssues(plan: RenderPlan): Promise<PlanIssue[]> {
  const binary = await ffmpegBinary();
  const issues: PlanIssue[] = [];
  if (!binary.encoders.has('libx264')) issues.push({ path: 'output', message: `ffmpeg ${binary.version} has no libx264 encoder` });
  if (plan.captions && !binary.filters.has('ass')) issues.push({ path: 'captions', message: `ffmpeg ${binary.version} has no ass filter (libass)` });
  if (plan.avatar && !binary.filters.has('overlay')) issues.push({ path: 'avatar', message: `ffmpeg ${binary.version} has no overlay filter` });
  return issues;
}

/**
 * Checks a plan completely before ffmpeg starts: shape and defaults (zod), a contiguous timeline
 * from 0, words inside their scenes, every file present and of the right kind, the scenes
 * covering the narration. Throws RenderPlanError listing every problem with its field.
 */
export async function validateRenderPlan(input: unknown): Promise<CheckedPlan> {
  const parsed = renderPlanSchema.safeParse(input);
  if (!parsed.success) throw new RenderPlanError(zodIssues(parsed.error));
  const plan = parsed.data;
  const issues = checkTimeline(plan);

  const videoSourceSec = new Map<number, number>();
  const narration = { durationSec: null as number | null };
  const checks: Array<Promise<void>> = [];
  const add = (issue: PlanIssue | null) => {
    if (issue) issues.push(issue);
  };
  if (plan.narration) {
    checks.push(probeStream('narration.path', plan.narration.path, 'audio').then((r) => {
      add(r.issue);
      if (!r.issue) narration.durationSec = r.durationSec;
    }));
  }
  if (plan.music?.path) checks.push(probeStream('music.path', plan.music.path, 'audio').then((r) => add(r.issue)));
  if (plan.avatar) checks.push(probeStream('avatar.path', plan.avatar.path, 'video').then((r) => add(r.issue)));
  plan.scenes.forEach((scene, i) => {
    const at = `scenes[${i}].visual.path`;
    if (scene.visual.kind === 'image') checks.push(imageIssue(at, scene.visual.path).then(add));
    if (scene.visual.kind === 'video') {
      checks.push(probeStream(at, scene.visual.path, 'video').then((r) => {
        add(r.issue);
        if (!r.issue) videoSourceSec.set(i, r.durationSec);
      }));
    }
  });
  checks.push(environmentIssues(plan).then((list) => void issues.push(...list)));
  await Promise.all(checks);

  const last = plan.scenes.length - 1;
  const durationSec = plan.scenes[last]?.end ?? 0;
  const narrationSec = narration.durationSec;
  if (narrationSec !== null && durationSec < narrationSec - 0.1) {
    issues.push({ path: `scenes[${last}].end`, message: `${durationSec} ends before the narration does (${narrationSec.toFixed(2)} s)` });
  }
  plan.scenes.forEach((scene, i) => {
    const source = videoSourceSec.get(i);
    if (scene.visual.kind !== 'video') return;
    const { startAtSec, endAtSec } = scene.visual;
    if (source !== undefined && startAtSec >= source) {
      issues.push({ path: `scenes[${i}].visual.startAtSec`, message: `${startAtSec} is past the clip's end (${source.toFixed(2)} s)` });
    }
    if (endAtSec !== undefined && endAtSec - startAtSec < MIN_CLIP_PART_SEC) {
      issues.push({ path: `scenes[${i}].visual.endAtSec`, message: `${endAtSec} must be at least ${MIN_CLIP_PART_SEC} s after startAtSec (${startAtSec})` });
    }
  });
  if (issues.length > 0) throw new RenderPlanError(issues);
  return { plan, durationSec, narrationSec, videoSourceSec };
}
