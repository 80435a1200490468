import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Transcribers } from '../media-sources/transcribers.ts';
import type { Job } from '../../../contracts/jobs.ts';
import type { Step } from '../../../contracts/steps.ts';
import type { NarrationTimingsResult, SceneBoundary, VoiceCatalog, VoicePreviewBody } from '../../../contracts/voice-api.ts';
import { decodeToPcm, encodeWav, writeFileAtomic } from '../../adapters/ffmpeg/audio.ts';
import { TtsAuthError, TtsError, TtsRateLimitError } from '../../adapters/tts/errors.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { AssetsService } from '../assets/assets.service.ts';
import type { JobContext } from '../jobs/job-handlers.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { pruneClipCache } from './clip-cache.ts';
import { runNarrationJob, voiceCacheDir, type NarrationJobResult } from './narration-job.ts';
import { narrationTimingsFor } from './narration-timings.ts';
import { OwnVoice } from './own-voice.service.ts';
import { hasWords, readStage4, scenesToVoice, type Stage4State } from './stage4-state.ts';
import { toSpeech } from './speech-normaliser/index.ts';
import { PROVIDER_LABELS, type VoiceProviders } from './voice-providers.ts';

const PREVIEW_TEXT = { en: 'Hello! This is how the voice of your video will sound.', ru: 'Привет! Так будет звучать голос вашего видео.' } as const;
const PREVIEW_SAMPLE_RATE = 24_000;

export interface VoiceServiceDeps {
  config: Config;
  steps: StepsService;
  assets: AssetsService;
  jobs: JobsService;
  providers: VoiceProviders;
  transcribers?: Transcribers;
}

/** Stage 4: voices, previews, narration jobs, own audio and the timings later stages follow. */
export class VoiceService {
  readonly own: OwnVoice;

  constructor(private readonly deps: VoiceServiceDeps) {
    this.own = new OwnVoice({ steps: deps.steps, assets: deps.assets, tempDir: join(deps.config.DATA_DIR, 'tmp'), transcribers: deps.transcribers });
  }

  catalog(user: AuthContext, language?: string): Promise<VoiceCatalog> {
    return this.deps.providers.catalog(user.userId, language);
  }

  /** A short sample of a voice as WAV; kept on disk so playing it again costs no provider call. */
  async preview(user: AuthContext, body: VoicePreviewBody): Promise<Buffer> {
    const provider = await this.deps.providers.providerFor(user.userId, body.provider);
    const text = toSpeech(body.text ?? PREVIEW_TEXT[body.language], body.language).spoken;
    const request = { text, voiceId: body.voiceId, language: body.language, speed: body.speed ?? 1, pitch: body.pitch };
    const key = createHash('sha256').update(JSON.stringify([provider.fingerprint, request])).digest('hex');
    const file = join(this.deps.config.DATA_DIR, 'cache', 'voice-previews', `${key}.wav`);
    const cached = await readFile(file).catch(() => null);
    if (cached) return cached;
    const result = await provider.synthesize(request).catch((error: unknown) => Promise.reject(providerError(error)));
    const samples = await decodeToPcm({ data: result.audio, format: result.format, sampleRate: result.sampleRate }, { sampleRate: PREVIEW_SAMPLE_RATE });
    const wav = encodeWav(samples, PREVIEW_SAMPLE_RATE);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFileAtomic(file, wav);
    return wav;
  }

  /** 404 unless the project is the user's. */
  async assertProject(user: AuthContext, projectId: string): Promise<void> {
    await this.deps.steps.list(user, projectId);
  }

  private async state(user: AuthContext, projectId: string): Promise<{ steps: Step[]; state: Stage4State }> {
    const steps = await this.deps.steps.list(user, projectId);
    return { steps, state: readStage4(steps) };
  }

  /**
   * Starts (or joins, for a double click) the narration job of stage 4's script. Refused while
   * the script is an older copy of stage 3's, so old text is never voiced without the author knowing.
   */
  async startNarration(user: AuthContext, projectId: string, sceneIds?: string[]): Promise<Job> {
    const { state } = await this.state(user, projectId);
    const scenes = scenesToVoice(state);
    if (!state.script || scenes.length === 0) {
      throw new AppError('CONFLICT', 'Stage 4 has no script yet: finish the script in stage 3 and open the voice stage');
    }
    if (state.scriptStale) {
      throw new AppError('CONFLICT', 'The script changed in stage 3 after stage 4 copied it: load the new script (or keep this one) before voicing it', {
        staleSources: [3],
      });
    }
    const silent = scenes.findIndex((scene) => !hasWords(scene.text));
    if (silent >= 0) {
      const message = `script.scenes.${silent}.text: scene "${scenes[silent]!.id}" has nothing to say`;
      throw new AppError('VALIDATION_FAILED', message, { issues: [{ path: `script.scenes.${silent}.text`, message: 'has nothing to say' }] });
    }
    const unknown = (sceneIds ?? []).filter((id) => !scenes.some((scene) => scene.id === id));
    if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', `sceneIds: ${unknown.join(', ')} not in the script`);
    await this.deps.providers.providerFor(user.userId, state.voice.provider);
    return this.deps.jobs.enqueue({
      ownerId: user.userId,
      projectId,
      name: 'voice.narrate',
      payload: { projectId, ...(sceneIds ? { sceneIds } : {}) },
      dedupeKey: `voice.narrate:${projectId}`,
    });
  }

  runNarrationJob(ctx: JobContext<'voice.narrate'>): Promise<NarrationJobResult> {
    const { steps, assets, providers, config } = this.deps;
    return runNarrationJob({ steps, assets, providers, dataDir: config.DATA_DIR }, ctx);
  }

  async uploadOwnAudio(
    user: AuthContext,
    projectId: string,
    source: Readable & { truncated?: boolean },
    options: { sceneId?: string; recorded: boolean; originalName: string | null },
  ): Promise<Step> {
    const { state } = await this.state(user, projectId);
    return this.own.upload(user, projectId, state, source, options);
  }

  async setBoundaries(user: AuthContext, projectId: string, boundaries: SceneBoundary[]): Promise<Step> {
    const { state } = await this.state(user, projectId);
    return this.own.setBoundaries(user, projectId, state, boundaries);
  }

  /** See narrationTimingsFor: narration timings, or reading-speed timings when stage 4 was skipped. */
  async timings(user: AuthContext, projectId: string): Promise<NarrationTimingsResult> {
    return narrationTimingsFor((await this.state(user, projectId)).steps);
  }

  /** For the render and other server code that already checked ownership. */
  async timingsFor(ownerId: string, projectId: string): Promise<NarrationTimingsResult> {
    return this.timings({ userId: ownerId, via: 'token' }, projectId);
  }

  /** Drops a purged project's narration cache. */
  async forgetProject(projectId: string): Promise<void> {
    await rm(voiceCacheDir(this.deps.config.DATA_DIR, projectId), { recursive: true, force: true });
  }

  /** Removes cached clips unused for `maxAgeMs` across every project (maintenance job). */
  async pruneCaches(maxAgeMs: number): Promise<number> {
    const root = join(this.deps.config.DATA_DIR, 'cache', 'voice');
    const projects = await readdir(root).catch(() => [] as string[]);
    let removed = 0;
    for (const project of projects) removed += await pruneClipCache(join(root, project), maxAgeMs);
    const previews = join(this.deps.config.DATA_DIR, 'cache', 'voice-previews');
    for (const name of await readdir(previews).catch(() => [] as string[])) {
      const { mtimeMs } = await stat(join(previews, name)).catch(() => ({ mtimeMs: Date.now() }));
      if (Date.now() - mtimeMs < maxAgeMs) continue;
      await rm(join(previews, name), { force: true });
      removed++;
    }
    return removed;
  }
}

/** Provider failures as HTTP errors: a refused key or a rate limit says so; the rest is a 502. */
export function providerError(error: unknown): Error {
  if (error instanceof TtsAuthError) {
    return new AppError('PROVIDER_FAILED', `${PROVIDER_LABELS[error.provider]} refused the API key (HTTP ${error.status}): check the key in the provider settings`);
  }
  if (error instanceof TtsRateLimitError) {
    const headers: Record<string, string> = error.retryAfterSec ? { 'retry-after': String(error.retryAfterSec) } : {};
    return new AppError('RATE_LIMITED', `${PROVIDER_LABELS[error.provider]} is rate limiting requests or the quota is used up; try again later`, undefined, headers);
  }
  if (error instanceof TtsError) {
    return error.kind === 'request' ? new AppError('VALIDATION_FAILED', error.message) : new AppError('PROVIDER_FAILED', error.message);
  }
  return error instanceof Error ? error : new Error(String(error));
}
