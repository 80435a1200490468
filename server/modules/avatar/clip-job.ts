import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AvatarError } from '../../adapters/avatar/types.ts';
import type { AvatarProvider, ClipSource } from '../../adapters/avatar/types.ts';
import { FfmpegCancelledError, runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { AssetsService } from '../assets/assets.service.ts';
import type { JobContext } from '../jobs/job-handlers.ts';
import { PermanentJobError } from '../jobs/job-handlers.ts';
import type { StepsService } from '../steps/steps.service.ts';
import type { RemoteMedia } from '../storyboard/remote-media.ts';
import { aspectOf } from '../storyboard/storyboard-view.ts';
import { narrationTimingsFor } from '../voice/narration-timings.ts';
import type { AvatarProviders } from './avatar-providers.ts';
import { clipDimension, readStage5, scriptTextOf } from './stage5-state.ts';

export interface ClipJobDeps {
  steps: StepsService;
  assets: AssetsService;
  providers: AvatarProviders;
  remote: RemoteMedia;
  tempDir: string;
  /** How often the provider is asked about the clip. */
  pollIntervalMs: number;
  /** After this long the job stops following (the clip is still made; starting again resumes). */
  maxWaitMs: number;
}

export interface ClipJobResult {
  clipAssetId: string;
  durationSec: number | null;
}

/** HeyGen says nothing about progress; clips usually take a few times their length, at least a minute. */
const expectedWaitMs = (durationSec: number) => Math.max(60_000, durationSec * 6_000);
const BACKGROUND = '#f2f2f2';

/** The provider is still working after maxWaitMs: the job ends, step 5 keeps the clip id to pick it up later. */
class StillWaitingError extends PermanentJobError {}

/** Failures a retry will not fix end the job at once, and step 5 says what happened. */
function permanent(error: unknown): boolean {
  if (error instanceof AvatarError) return ['auth', 'request', 'bad-response'].includes(error.kind);
  return error instanceof AppError || error instanceof PermanentJobError;
}

/**
 * Makes the talking-head clip of step 5 with the provider: uploads the narration (as MP3) or
 * sends the script text, orders the clip, follows its status, downloads the finished clip through
 * the safe fetcher and stores it as an asset (step 5: status ready, clipAssetId). The provider's
 * clip id is saved as soon as it exists, so a retried or restarted job follows the same clip.
 */
export async function runClipJob(deps: ClipJobDeps, ctx: JobContext<'avatar.clip'>): Promise<ClipJobResult> {
  const user: AuthContext = { userId: ctx.ownerId!, via: 'token' };
  const { projectId } = ctx.payload;
  const save = (data: Record<string, unknown>) => deps.steps.merge(user, projectId, 5, { data });
  try {
    const steps = await deps.steps.list(user, projectId);
    const state = readStage5(steps);
    if (!state.avatarId) throw new PermanentJobError('Choose an avatar first', 'AVATAR_NOT_CHOSEN');
    const provider = await deps.providers.forUser(user.userId);
    const timings = narrationTimingsFor(steps);
    let clipId = state.providerJobId;
    if (!clipId) {
      const source = await clipSource(deps, ctx, user, provider, steps, state.source ?? 'narration', state.voiceId, state.providerAudioId);
      if (source.kind === 'audio') await save({ providerAudioId: source.audioAssetId });
      ctx.progress(0.1, 'ordering the clip');
      ({ clipId } = await provider.createClip({ avatarId: state.avatarId, source, dimension: clipDimension(aspectOf(steps)), background: BACKGROUND, signal: ctx.signal }));
      await save({ providerJobId: clipId, status: 'processing', error: null, errorCode: null });
    }
    const videoUrl = await follow(deps, ctx, provider, clipId, timings.durationSec);
    ctx.progress(0.9, 'downloading the clip');
    const asset = await deps.remote.fetch(user, projectId, {
      url: videoUrl,
      kind: 'avatar-clip',
      media: 'video',
      cacheKey: `heygen:${clipId}`,
      what: 'the HeyGen clip',
      meta: { provider: 'heygen', clipId, avatarId: state.avatarId },
      signal: ctx.signal,
    });
    await save({ status: 'ready', clipAssetId: asset.id, error: null, errorCode: null });
    ctx.progress(1, 'done');
    return { clipAssetId: asset.id, durationSec: typeof asset.meta.durationSec === 'number' ? asset.meta.durationSec : null };
  } catch (error) {
    if (ctx.signal.aborted || error instanceof FfmpegCancelledError || error instanceof StillWaitingError) throw error;
    if (!permanent(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof PermanentJobError ? error.code : null;
    await save({ status: 'failed', error: message, errorCode: code, providerJobId: null }).catch(() => undefined);
    throw new PermanentJobError(message, code, error instanceof PermanentJobError ? error.params : {});
  }
}

async function clipSource(
  deps: ClipJobDeps,
  ctx: JobContext<'avatar.clip'>,
  user: AuthContext,
  provider: AvatarProvider,
  steps: Parameters<typeof narrationTimingsFor>[0],
  source: 'narration' | 'script',
  voiceId: string | undefined,
  uploadedAudioId: string | undefined,
): Promise<ClipSource> {
  if (source === 'script') {
    if (!voiceId) throw new PermanentJobError('Choose a voice to speak the script', 'AVATAR_VOICE_NOT_CHOSEN');
    const text = scriptTextOf(steps);
    if (!text) throw new PermanentJobError('The script is empty: finish it in stage 3', 'SCRIPT_EMPTY');
    return { kind: 'text', text, voiceId };
  }
  const timings = narrationTimingsFor(steps);
  if (timings.source !== 'narration' || !timings.audioAssetId) {
    throw new PermanentJobError('There is no narration to lip-sync to: voice the script in stage 4, or make the clip from the script text', 'NO_NARRATION');
  }
  if (uploadedAudioId) return { kind: 'audio', audioAssetId: uploadedAudioId };
  ctx.progress(0.03, 'uploading the narration');
  const narration = await deps.assets.fileOf(user.userId, timings.audioAssetId);
  const mp3 = await toMp3(narration.path, deps.tempDir, ctx.signal);
  return { kind: 'audio', audioAssetId: await provider.uploadAudio(mp3, 'audio/mpeg', ctx.signal) };
}

/** Asks for the clip's status until it is finished; the video's URL, or a PermanentJobError with the provider's reason. */
async function follow(deps: ClipJobDeps, ctx: JobContext<'avatar.clip'>, provider: AvatarProvider, clipId: string, durationSec: number): Promise<string> {
  const started = Date.now();
  const expected = expectedWaitMs(durationSec);
  for (;;) {
    const status = await provider.clipStatus(clipId, ctx.signal);
    if (status.state === 'completed') {
      if (!status.videoUrl) throw new PermanentJobError('HeyGen finished the clip but gave no link to it', 'AVATAR_NO_LINK');
      return status.videoUrl;
    }
    if (status.state === 'failed') throw new PermanentJobError(`HeyGen could not make the clip: ${status.error ?? 'no reason given'}`, 'AVATAR_PROVIDER_FAILED');
    const waited = Date.now() - started;
    if (waited > deps.maxWaitMs) {
      throw new StillWaitingError(`HeyGen has not finished the clip after ${Math.round(waited / 60_000)} minutes; start again later to pick it up`);
    }
    ctx.progress(0.15 + 0.7 * Math.min(1, waited / expected), `HeyGen is making the clip (${status.state})`);
    await sleep(deps.pollIntervalMs, undefined, { signal: ctx.signal });
  }
}

async function toMp3(path: string, tempDir: string, signal: AbortSignal): Promise<Buffer> {
  await mkdir(tempDir, { recursive: true });
  const out = join(tempDir, `avatar-${randomUUID()}.mp3`);
  try {
    await runFfmpeg(['-y', '-i', path, '-vn', '-ac', '1', '-ar', '44100', '-c:a', 'libmp3lame', '-b:a', '128k', out], { signal });
    return await readFile(out);
  } finally {
    await rm(out, { force: true });
  }
}
