import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Asset } from '../../../contracts/assets.ts';
import type { Stage4Audio } from '../../../contracts/voice-api.ts';
import { TtsAuthError, TtsError, TtsRateLimitError } from '../../adapters/tts/errors.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { AssetsService } from '../assets/assets.service.ts';
import { PermanentJobError, type JobContext } from '../jobs/job-handlers.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { NarrationInputError } from './errors.ts';
import { narrate, type NarrationProgress } from './narrate.ts';
import { readStage4, scenesToVoice } from './stage4-state.ts';
import { trackPeaks } from './track-peaks.ts';
import { PROVIDER_LABELS, type VoiceProviders } from './voice-providers.ts';

export interface NarrationJobDeps {
  steps: StepsService;
  assets: AssetsService;
  providers: VoiceProviders;
  /** DATA_DIR: narration caches live in cache/voice/<projectId>, work files in tmp/. */
  dataDir: string;
}

export interface NarrationJobResult {
  assetId: string;
  durationSec: number;
  synthesizedSceneIds: string[];
  reusedSceneIds: string[];
  synthesisCalls: number;
}

export const voiceCacheDir = (dataDir: string, projectId: string) => join(dataDir, 'cache', 'voice', projectId);

/** Progress steps the web app translates: "synthesizing 2/5", "normalizing", "mixing", "writing", "storing". */
function stepText(progress: NarrationProgress): string {
  return progress.phase === 'synthesizing' ? `synthesizing ${progress.scenesDone}/${progress.scenesTotal}` : progress.phase;
}

/** A provider failure as the author should read it; only rate limits and outages are worth a retry. */
function explain(error: unknown): Error {
  if (error instanceof TtsAuthError) {
    return new PermanentJobError(`${PROVIDER_LABELS[error.provider]} refused the API key (HTTP ${error.status}): check the key in the provider settings`, 'VOICE_KEY_REFUSED', {
      provider: PROVIDER_LABELS[error.provider],
      status: error.status ?? '?',
    });
  }
  if (error instanceof TtsRateLimitError) {
    const wait = error.retryAfterSec ? ` (it asks to wait ${error.retryAfterSec} s)` : '';
    return new Error(`${PROVIDER_LABELS[error.provider]} is rate limiting requests or the quota is used up${wait}; try again later`);
  }
  if (error instanceof TtsError) return error.retryable ? error : new PermanentJobError(error.message, 'VOICE_FAILED');
  if (error instanceof NarrationInputError) return new PermanentJobError(error.message);
  if (error instanceof AppError) return new PermanentJobError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * The voice.narrate job: voices stage 4's script with its chosen voice (unchanged scenes come from
 * the project's cache), stores the track and one clip per scene as assets and writes step 4's
 * audio. The previous narration's assets are removed once the new one is saved.
 */
export async function runNarrationJob(deps: NarrationJobDeps, ctx: JobContext<'voice.narrate'>): Promise<NarrationJobResult> {
  if (!ctx.ownerId) throw new PermanentJobError('voice.narrate needs an owner');
  const user: AuthContext = { userId: ctx.ownerId, via: 'token' };
  const projectId = ctx.payload.projectId;
  const state = readStage4(await deps.steps.list(user, projectId).catch((error: unknown) => Promise.reject(explain(error))));
  const scenes = scenesToVoice(state);
  if (scenes.length === 0) throw new PermanentJobError('Stage 4 has no script to voice yet: open the voice stage first', 'VOICE_NO_SCRIPT');
  const unknown = (ctx.payload.sceneIds ?? []).filter((id) => !scenes.some((s) => s.id === id));
  if (unknown.length > 0) throw new PermanentJobError(`sceneIds: ${unknown.join(', ')} not in the script`, 'VOICE_UNKNOWN_SCENES', { scenes: unknown.join(', ') });

  const provider = await deps.providers.providerFor(ctx.ownerId, state.voice.provider).catch((error: unknown) => Promise.reject(explain(error)));
  const workDir = join(deps.dataDir, 'tmp', `narration-${ctx.jobId}`);
  const stored: Asset[] = [];
  try {
    await mkdir(workDir, { recursive: true });
    const result = await narrate({
      scenes,
      language: state.language,
      provider,
      voiceId: state.voice.voiceId,
      speed: state.voice.speed,
      pitch: state.voice.pitch,
      pauseSec: state.voice.pauseSec,
      cacheDir: voiceCacheDir(deps.dataDir, projectId),
      workDir,
      signal: ctx.signal,
      onProgress: (progress) => ctx.progress(progress.fraction * 0.95, stepText(progress)),
    }).catch((error: unknown) => Promise.reject(explain(error)));

    ctx.progress(0.96, 'storing');
    const base = { ownerId: ctx.ownerId, projectId, mime: 'audio/wav', ext: 'wav', move: true };
    const track = await deps.assets.storeFile({
      ...base,
      kind: 'narration',
      file: result.trackFile,
      meta: { durationSec: result.durationSec, peaks: await trackPeaks(result.trackFile, result.durationSec), loudness: result.loudness, voice: state.voice, source: 'tts' },
    });
    stored.push(track);
    const sceneAssetIds: Record<string, string> = {};
    for (const scene of result.sceneFiles) {
      const asset = await deps.assets.storeFile({ ...base, kind: 'narration-scene', file: scene.file, meta: { durationSec: scene.durationSec, sceneId: scene.sceneId } });
      stored.push(asset);
      sceneAssetIds[scene.sceneId] = asset.id;
    }
    ctx.signal.throwIfAborted();
    const audio: Stage4Audio = {
      assetId: track.id,
      durationSec: result.durationSec,
      segments: result.segments,
      sceneAssetIds,
      source: 'tts',
      narratedText: Object.fromEntries(scenes.map((s) => [s.id, s.text])),
      voice: state.voice,
      timingSource: result.timingSource,
      loudness: { integratedLufs: result.loudness.integratedLufs, truePeakDbtp: result.loudness.truePeakDbtp },
      createdAt: new Date().toISOString(),
    };
    await deps.steps.merge(user, projectId, 4, { data: { mode: 'tts', audio } });
    stored.length = 0;
    await removeReplacedNarration(deps.assets, user, state.audio);
    return {
      assetId: track.id,
      durationSec: result.durationSec,
      synthesizedSceneIds: result.synthesizedSceneIds,
      reusedSceneIds: result.reusedSceneIds,
      synthesisCalls: result.synthesisCalls,
    };
  } finally {
    // Assets stored for a narration that was then cancelled or could not be saved.
    for (const asset of stored) await deps.assets.remove(user, asset.id).catch(() => {});
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Generated narration files nothing refers to any more; own recordings are kept (stage 4 lists them). */
export async function removeReplacedNarration(assets: AssetsService, user: AuthContext, previous: Stage4Audio | null, keep: string[] = []): Promise<void> {
  if (!previous) return;
  const ids = [previous.assetId, ...Object.values(previous.sceneAssetIds ?? {})].filter((id) => !keep.includes(id));
  for (const id of ids) {
    const asset = await assets.get(user, id).catch(() => null);
    if (asset && (asset.kind === 'narration' || asset.kind === 'narration-scene')) await assets.remove(user, id).catch(() => {});
  }
}
