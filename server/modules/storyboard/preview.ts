import sharp from 'sharp';
import { RENDER_FPS } from '../../../contracts/render-plan.ts';
import type { PreviewQuery } from '../../../contracts/storyboard-api.ts';
import { FfmpegCancelledError } from '../../adapters/ffmpeg/run.ts';
import { AppError } from '../../http/errors.ts';
import { buildRenderPlanForProject } from '../render/plan-from-steps.ts';
import type { PlanDeps, PlanOverrides, ProjectRenderPlan } from '../render/plan-from-steps.ts';
import { RenderPlanError, renderPreviewFrame } from '../render/index.ts';

/** Why the project cannot be drawn yet, naming the step fields (400). */
export function planFailure(error: unknown): Error {
  if (error instanceof RenderPlanError) {
    return new AppError('VALIDATION_FAILED', `The video cannot be drawn yet: ${error.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, {
      issues: error.issues,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** The project's plan as the render job builds it, or a 400 naming what is missing. */
export function projectPlan(deps: PlanDeps, ownerId: string, projectId: string, overrides?: PlanOverrides): Promise<ProjectRenderPlan> {
  return buildRenderPlanForProject(deps, ownerId, projectId, {}, overrides).catch((error: unknown) => Promise.reject(planFailure(error)));
}

/** The time a preview shows: `t`, or the middle of a scene, kept inside the video. */
export function previewTime(built: ProjectRenderPlan, query: PreviewQuery): number {
  let time = query.t ?? 0;
  if (query.sceneId !== undefined) {
    const scene = built.plan.scenes.find((s) => s.sceneId === query.sceneId);
    if (!scene) throw new AppError('NOT_FOUND', `Scene "${query.sceneId}" is not in the script`);
    time = (scene.start + scene.end) / 2;
  }
  return Math.max(0, Math.min(time, built.durationSec - 1 / RENDER_FPS));
}

/** Previews run one at a time per process: each is a full ffmpeg graph, and the machine also renders. */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * One frame exactly as the render draws it (same plan builder, same filter graph, captions
 * burned in), as PNG, scaled to `width` when asked. A preview whose caller went away is dropped.
 */
export async function drawPreview(built: ProjectRenderPlan, query: PreviewQuery, signal?: AbortSignal): Promise<Buffer> {
  const time = previewTime(built, query);
  return oneAtATime(async () => {
    if (signal?.aborted) throw new FfmpegCancelledError();
    const frame = await renderPreviewFrame(built.plan, time, { signal }).catch((error: unknown) => Promise.reject(planFailure(error)));
    return query.width ? sharp(frame).resize({ width: query.width }).png({ compressionLevel: 6 }).toBuffer() : frame;
  });
}
