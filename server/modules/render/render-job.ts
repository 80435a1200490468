import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Asset, AssetKind } from '../../../contracts/assets.ts';
import type { RenderJobResult } from '../../../contracts/render-api.ts';
import { stage7Schema } from '../../../contracts/step-data.ts';
import { writeThumbnail } from '../../adapters/ffmpeg/frames.ts';
import { FfmpegCancelledError, FfmpegError } from '../../adapters/ffmpeg/run.ts';
import type { AuthContext } from '../../http/router.ts';
import type { AssetsService } from '../assets/assets.service.ts';
import { PermanentJobError, type JobContext } from '../jobs/job-handlers.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { buildSrt, buildVtt } from './captions-srt.ts';
import { killProcessesUsing } from './orphans.ts';
import { buildRenderPlanForProject } from './plan-from-steps.ts';
import type { PlanDeps } from './plan-from-steps.ts';
import { renderVideo } from './render-video.ts';
import { RenderPlanError } from './validate-plan.ts';
import type { RenderFacts } from '../performance/prediction.ts';
import { sourceCover } from './source-cover.ts';

export interface RenderJobDeps {
  steps: StepsService;
  assets: AssetsService;
  pictures?: PlanDeps['pictures'];
  /** Marks the project rendered once its outputs are saved; facts are what the render knows of the video. */
  markRendered(ownerId: string, projectId: string, facts: RenderFacts): Promise<void>;
  /** The project's title, for the names of downloads. */
  titleOf(ownerId: string, projectId: string): Promise<string>;
  /** DATA_DIR: the render works in tmp/render-<jobId> and moves finished files into the media store. */
  dataDir: string;
}

/** A file name from a title: letters (any script), digits and dashes. */
export function downloadName(title: string): string {
  const slug = title
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'video';
}

/** Failures a retry cannot fix fail the job at once; an ffmpeg killed by the system may be retried. */
function explain(error: unknown): unknown {
  if (error instanceof RenderPlanError) return new PermanentJobError(error.message, 'RENDER_PLAN_INVALID');
  if (error instanceof FfmpegError && error.exitCode !== null) return new PermanentJobError(error.message, 'RENDER_ENCODE_FAILED');
  return error;
}

/**
 * The render.video job: builds and validates the plan from the project's steps, renders the MP4
 * (to a temporary name, renamed when complete), stores it with SRT, VTT, thumbnail and script
 * text as assets, writes step 7's outputs and marks the project rendered. A cancelled or failed
 * render stores nothing; the previous render's files are removed only once the new ones are saved.
 */
export async function runRenderJob(deps: RenderJobDeps, ctx: JobContext<'render.video'>): Promise<RenderJobResult> {
  if (!ctx.ownerId) throw new PermanentJobError('render.video needs an owner');
  const ownerId = ctx.ownerId;
  const user: AuthContext = { userId: ownerId, via: 'token' };
  const { projectId, aspect, quality } = ctx.payload;
  const workDir = join(deps.dataDir, 'tmp', `render-${ctx.jobId}`);
  const stored: Asset[] = [];
  let lastStep = '';
  const report = (fraction: number, step: string) => {
    // A step change is written at once; the same step again only as throttled progress.
    ctx.progress(fraction, step === lastStep ? undefined : step);
    lastStep = step;
  };
  try {
    report(0.01, 'preparing');
    const built = await buildRenderPlanForProject(deps, ownerId, projectId, { aspect, quality }).catch((e: unknown) => Promise.reject(explain(e)));
    // A retry after a crash starts clean: the killed worker's ffmpeg may still be encoding here.
    await killProcessesUsing(workDir);
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
    const videoFile = join(workDir, 'video.mp4');
    const result = await renderVideo(built.plan, videoFile, {
      workDir: join(workDir, 'sources'),
      signal: ctx.signal,
      onProgress: (p) => report(0.02 + p.fraction * 0.9, p.step === 'finishing' ? 'encoding' : p.step),
    }).catch((e: unknown) => Promise.reject(explain(e)));

    report(0.93, 'finishing');
    const captions = built.plan.captions;
    const files: Array<{ key: 'video' | 'srt' | 'vtt' | 'thumbnail' | 'script'; file: string; kind: AssetKind; mime: string; ext: string }> = [
      { key: 'video', file: videoFile, kind: 'render', mime: 'video/mp4', ext: 'mp4' },
    ];
    if (captions) {
      await writeFile(join(workDir, 'captions.srt'), buildSrt(captions, built.plan.output.aspect));
      await writeFile(join(workDir, 'captions.vtt'), buildVtt(captions, built.plan.output.aspect));
      files.push({ key: 'srt', file: join(workDir, 'captions.srt'), kind: 'captions', mime: 'application/x-subrip', ext: 'srt' });
      files.push({ key: 'vtt', file: join(workDir, 'captions.vtt'), kind: 'captions', mime: 'text/vtt', ext: 'vtt' });
    }
    const cover = sourceCover(await deps.steps.list(user, projectId));
    if (cover) {
      const source = await deps.assets.fileOf(ownerId, cover.assetId);
      await writeThumbnail(source.path, join(workDir, 'thumbnail.jpg'), { timeSec: cover.atSec, signal: ctx.signal });
    } else await writeThumbnail(videoFile, join(workDir, 'thumbnail.jpg'), { durationSec: result.durationSec, signal: ctx.signal });
    files.push({ key: 'thumbnail', file: join(workDir, 'thumbnail.jpg'), kind: 'thumbnail', mime: 'image/jpeg', ext: 'jpg' });
    await writeFile(join(workDir, 'script.txt'), built.scriptText);
    // There is no asset kind for a script; it is a text transcript, stored beside the captions.
    files.push({ key: 'script', file: join(workDir, 'script.txt'), kind: 'script', mime: 'text/plain; charset=utf-8', ext: 'txt' });

    const name = downloadName(await deps.titleOf(ownerId, projectId));
    const ids: Record<string, string> = {};
    for (const file of files) {
      ctx.signal.throwIfAborted();
      const asset = await deps.assets.storeFile({
        ownerId,
        projectId,
        kind: file.kind,
        file: file.file,
        mime: file.mime,
        ext: file.ext,
        move: true,
        originalName: `${name}.${file.ext}`,
        meta: {
          role: file.key,
          jobId: ctx.jobId,
          ...(file.key === 'video' ? { durationSec: result.durationSec, width: result.width, height: result.height, aspect: built.plan.output.aspect } : {}),
        },
      });
      stored.push(asset);
      ids[file.key] = asset.id;
    }

    ctx.signal.throwIfAborted();
    const previous = stage7Schema.safeParse((await deps.steps.list(user, projectId)).find((s) => s.stepNumber === 7)?.data ?? {}).data?.outputs;
    const outputs = {
      videoAssetId: ids.video!,
      srtAssetId: ids.srt ?? null,
      vttAssetId: ids.vtt ?? null,
      thumbnailAssetId: ids.thumbnail!,
      scriptAssetId: ids.script!,
      durationSec: result.durationSec,
      aspect: built.plan.output.aspect,
      quality: built.plan.output.quality,
      renderedAt: new Date().toISOString(),
    };
    await deps.steps.merge(user, projectId, 7, { data: { jobId: ctx.jobId, settings: { aspect: built.plan.output.aspect, quality: built.plan.output.quality }, outputs } });
    stored.length = 0;
    const music = built.plan.music;
    await deps.markRendered(ownerId, projectId, { durationSec: result.durationSec, musicMood: music?.generate?.mood ?? (music ? 'own' : 'none') });
    await removePreviousOutputs(deps.assets, user, previous, Object.values(ids));
    report(1, 'done');
    return { videoAssetId: ids.video!, durationSec: result.durationSec, width: result.width, height: result.height, bytes: result.bytes };
  } catch (error) {
    if (ctx.signal.aborted) throw new FfmpegCancelledError();
    throw error;
  } finally {
    for (const asset of stored) await deps.assets.remove(user, asset.id).catch(() => {});
    await rm(workDir, { recursive: true, force: true });
  }
}

async function removePreviousOutputs(assets: AssetsService, user: AuthContext, previous: Record<string, unknown> | undefined, keep: string[]): Promise<void> {
  if (!previous) return;
  const ids = ['videoAssetId', 'srtAssetId', 'vttAssetId', 'thumbnailAssetId', 'scriptAssetId']
    .map((key) => previous[key])
    .filter((id): id is string => typeof id === 'string' && !keep.includes(id));
  for (const id of ids) await assets.remove(user, id).catch(() => {});
}
