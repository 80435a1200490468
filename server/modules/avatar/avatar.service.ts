import { join } from 'node:path';
import type { Asset } from '../../../contracts/assets.ts';
import type { AvatarCatalog, AvatarPlacement, AvatarState, CreateClipBody } from '../../../contracts/avatar-api.ts';
import type { Job } from '../../../contracts/jobs.ts';
import type { Config } from '../../config.ts';
import { jobFailureCodeSchema } from '../../../contracts/job-failures.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { AssetsService } from '../assets/assets.service.ts';
import type { JobContext } from '../jobs/job-handlers.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { RemoteMedia } from '../storyboard/remote-media.ts';
import { narrationTimingsFor } from '../voice/narration-timings.ts';
import { AVATAR_PROVIDER_LABEL, avatarFailure } from './avatar-providers.ts';
import type { AvatarProviders } from './avatar-providers.ts';
import { runClipJob } from './clip-job.ts';
import type { ClipJobResult } from './clip-job.ts';
import { readStage5, scriptTextOf } from './stage5-state.ts';

export interface AvatarDeps {
  config: Config;
  steps: StepsService;
  assets: AssetsService;
  jobs: JobsService;
  providers: AvatarProviders;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTIVE: readonly Job['state'][] = ['queued', 'running'];
/** HeyGen's limit on one text input. */
const MAX_SCRIPT_CHARS = 5000;

/** Stage 5: an optional talking-head clip from the avatar provider, made and followed by a job. */
export class AvatarService {
  /** How often a clip job asks the provider; tests shorten it. */
  pollIntervalMs = 5_000;
  maxWaitMs = 45 * 60_000;
  private readonly remote: RemoteMedia;

  constructor(private readonly deps: AvatarDeps) {
    this.remote = new RemoteMedia({ assets: deps.assets, tempDir: join(deps.config.DATA_DIR, 'tmp'), allowPrivateHosts: deps.config.FETCH_ALLOW_PRIVATE_HOSTS });
  }

  async catalog(user: AuthContext): Promise<AvatarCatalog> {
    const provider = await this.deps.providers.forUser(user.userId);
    const [avatars, voices] = await Promise.all([provider.listAvatars(), provider.listVoices()]).catch((error: unknown) => Promise.reject(avatarFailure(error)));
    return { provider: 'heygen', avatars, voices };
  }

  private async latestJob(user: AuthContext, projectId: string): Promise<Job | null> {
    return (await this.deps.jobs.listForProject(user, projectId)).find((job) => job.name === 'avatar.clip') ?? null;
  }

  async state(user: AuthContext, projectId: string): Promise<AvatarState> {
    const steps = await this.deps.steps.list(user, projectId);
    const step = steps.find((s) => s.stepNumber === 5);
    const data = readStage5(steps);
    const timings = narrationTimingsFor(steps);
    const job = await this.latestJob(user, projectId);
    let clip: Asset | null = null;
    if (data.clipAssetId && UUID.test(data.clipAssetId)) clip = await this.deps.assets.get(user, data.clipAssetId).catch(() => null);
    // A clip nobody follows any more (job cancelled or gone) is shown as not started.
    let status = data.status ?? 'none';
    if ((status === 'queued' || status === 'processing') && !(job && ACTIVE.includes(job.state)) && !data.providerJobId) status = 'none';
    if (status === 'ready' && !clip) status = 'none';
    return {
      provider: { id: 'heygen', label: AVATAR_PROVIDER_LABEL, configured: await this.deps.providers.configured(user.userId) },
      narration: timings.source === 'narration' && timings.audioAssetId ? { assetId: timings.audioAssetId, durationSec: timings.durationSec } : null,
      scriptText: scriptTextOf(steps),
      status,
      avatarId: data.avatarId ?? null,
      source: data.source ?? null,
      voiceId: data.voiceId ?? null,
      placement: data.placement ?? 'corner',
      error: data.error ?? null,
      errorCode: jobFailureCodeSchema.safeParse(data.errorCode).data ?? null,
      clip,
      job,
      skipped: Boolean(step?.skipReason && !step.completedAt),
    };
  }

  /**
   * Orders a new clip: step 5 records the choice (and is no longer skipped), then a job makes and
   * follows the clip. The previous clip stays in place until the new one is ready.
   */
  async startClip(user: AuthContext, projectId: string, body: CreateClipBody, ifMatch?: number): Promise<Job> {
    const steps = await this.deps.steps.list(user, projectId);
    await this.deps.providers.forUser(user.userId);
    const running = await this.latestJob(user, projectId);
    if (running && ACTIVE.includes(running.state)) throw new AppError('CONFLICT', 'A clip is being made already: wait for it or cancel it first', { jobId: running.id });
    if (body.source === 'narration' && narrationTimingsFor(steps).source !== 'narration') {
      throw new AppError('CONFLICT', 'There is no narration to lip-sync to: voice the script in stage 4, or make the clip from the script text');
    }
    if (body.source === 'script') {
      const text = scriptTextOf(steps);
      if (!text) throw new AppError('CONFLICT', 'The script is empty: finish it in stage 3');
      if (text.length > MAX_SCRIPT_CHARS) throw new AppError('VALIDATION_FAILED', `source: the script is ${text.length} characters; HeyGen takes at most ${MAX_SCRIPT_CHARS} at once`);
    }
    await this.deps.steps.merge(user, projectId, 5, {
      data: {
        provider: 'heygen',
        avatarId: body.avatarId,
        source: body.source,
        voiceId: body.source === 'script' ? body.voiceId : null,
        placement: body.placement,
        status: 'queued',
        providerJobId: null,
        providerAudioId: null,
        error: null,
        errorCode: null,
      },
      skipReason: null,
      baseVersion: ifMatch,
    });
    return this.follow(user, projectId);
  }

  /** Starts (or joins) the job that follows the clip step 5 names, e.g. after a worker restart or a long wait. */
  follow(user: AuthContext, projectId: string): Promise<Job> {
    return this.deps.jobs.enqueue({ ownerId: user.userId, projectId, name: 'avatar.clip', payload: { projectId }, dedupeKey: `avatar.clip:${projectId}` });
  }

  async setPlacement(user: AuthContext, projectId: string, placement: AvatarPlacement, ifMatch?: number): Promise<AvatarState> {
    await this.deps.steps.merge(user, projectId, 5, { data: { placement }, baseVersion: ifMatch });
    return this.state(user, projectId);
  }

  runClipJob(ctx: JobContext<'avatar.clip'>): Promise<ClipJobResult> {
    const { steps, assets, providers, config } = this.deps;
    return runClipJob({ steps, assets, providers, remote: this.remote, tempDir: join(config.DATA_DIR, 'tmp'), pollIntervalMs: this.pollIntervalMs, maxWaitMs: this.maxWaitMs }, ctx);
  }
}
