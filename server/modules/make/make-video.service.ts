import type { Job, JobName } from '../../../contracts/jobs.ts';
import { TERMINAL_JOB_STATES } from '../../../contracts/jobs.ts';
import { MAKE_STAGES, type MakeStage, type MakeVideoBody } from '../../../contracts/make-video.ts';
import type { Step } from '../../../contracts/steps.ts';
import type { Clock } from '../../adapters/clock.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import { type JobContext, PermanentJobError } from '../jobs/job-handlers.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import type { RenderService } from '../render/render.service.ts';
import type { ScriptService } from '../script/script.service.ts';
import type { StoryboardService } from '../storyboard/storyboard.service.ts';
import type { StepsService } from '../steps/steps.service.ts';
import type { VoiceService } from '../voice/voice.service.ts';
import { bestChoices, needsNewScript, needsNarration, needsScriptCopy, stage4Copy } from './make-plan.ts';

export interface MakeVideoDeps {
  steps: StepsService;
  projects: ProjectsService;
  jobs: JobsService;
  script: ScriptService;
  voice: VoiceService;
  render: RenderService;
  storyboard: Pick<StoryboardService, 'importArticlePictures' | 'fillWithStock'>;
  clock: Clock;
}


const POLL_MS = 250;
/** Stored as the skip reason stage 5 shows, in the project's language. */
const AVATAR_SKIP_REASON = { en: 'No avatar: made with "Make video"', ru: 'Без аватара: сделано кнопкой «Сделать видео»' } as const;
const stepLanguage = (steps: Step[]) => (stepOf(steps, 1)?.data.language === 'ru' ? 'ru' : 'en');
export const makeJobKey = (projectId: string) => `video.make:${projectId}`;
const stepOf = (steps: Step[], n: number) => steps.find((s) => s.stepNumber === n);

/**
 * "Make video": from a project whose source is in (stages 1-2), the rest of the way to a
 * rendered MP4 with the best variant of every scene, the default voice and the default
 * storyboard. Each stage runs as the job its own screen starts, so the screens show the same
 * state; stages already done and still current are kept, so a second run redoes only what changed.
 */
export class MakeVideoService {
  constructor(private readonly deps: MakeVideoDeps) {}

  async start(user: AuthContext, projectId: string, body: MakeVideoBody = {}): Promise<Job> {
    const steps = await this.deps.steps.list(user, projectId);
    const content = stepOf(steps, 2)?.data ?? {};
    if (typeof content.text !== 'string' || !content.text.trim()) {
      throw new AppError('CONFLICT', 'The project has no source text yet: choose a source in stage 1 first', { reason: 'NO_SOURCE_TEXT' });
    }
    return this.deps.jobs.enqueue({ ownerId: user.userId, projectId, name: 'video.make', payload: { projectId, ...body }, dedupeKey: makeJobKey(projectId) });
  }

  async runJob(ctx: JobContext<'video.make'>): Promise<{ renderJobId: string }> {
    if (!ctx.ownerId) throw new PermanentJobError('a video.make job needs an owner');
    const user: AuthContext = { userId: ctx.ownerId, via: 'token' };
    const { projectId, aspect, quality } = ctx.payload;
    const { steps, script, voice, render } = this.deps;
    const report = (stage: MakeStage, fraction: number, detail?: string | null) => {
      const { from, to } = MAKE_STAGES.find((s) => s.key === stage)!;
      ctx.progress(from + (to - from) * Math.min(1, Math.max(0, fraction)), detail ? `${stage}: ${detail}` : stage);
    };
    const now = () => this.deps.clock.now().toISOString();
    const list = () => steps.list(user, projectId);

    report('script', 0);
    await this.completeStep(user, projectId, 2, now);
    await this.reach(user, projectId, 3);
    if (needsNewScript(await list())) {
      await this.follow(ctx, user, await script.generate(user, projectId, { replace: true }), (f, d) => report('script', f * 0.9, d));
    }
    const step3 = stepOf(await list(), 3)!;
    if (!step3.completedAt || !step3.data.finalScript) {
      await script.saveFinal(user, projectId, { choices: bestChoices(step3.data), complete: true, baseVersion: step3.version });
    }
    await this.reach(user, projectId, 4);

    report('voice', 0);
    const beforeVoice = await list();
    if (!stepOf(beforeVoice, 4)?.skipReason) {
      if (needsScriptCopy(beforeVoice)) {
        const copy = stage4Copy(beforeVoice);
        await steps.merge(user, projectId, 4, { data: { script: copy.script, voice: copy.voice }, derivedFrom: { '3': copy.script.sourceVersion } });
      }
      if (needsNarration(await list())) {
        await this.follow(ctx, user, await voice.startNarration(user, projectId), (f, d) => report('voice', f, d));
      }
      await this.completeStep(user, projectId, 4, now);
    }
    await this.reach(user, projectId, 5);
    if (!stepOf(await list(), 5)?.completedAt && !stepOf(await list(), 5)?.skipReason) {
      await steps.skip(user, projectId, 5, AVATAR_SKIP_REASON[stepLanguage(await list())]);
    }

    report('storyboard', 0);
    await this.reach(user, projectId, 6);
    if (!stepOf(await list(), 6)?.completedAt) await this.automaticVisuals(user, projectId, (f, d) => report('storyboard', f, d));
    await this.completeStep(user, projectId, 6, now);
    await this.reach(user, projectId, 7);

    report('render', 0);
    const job = await render.start(user, projectId, { ...(aspect ? { aspect } : {}), ...(quality ? { quality } : {}) });
    await this.follow(ctx, user, job, (f, d) => report('render', f, d));
    await this.completeStep(user, projectId, 7, now);
    return { renderJobId: job.id };
  }

  /**
   * The automatic storyboard: the article's pictures first, then Pexels photos for scenes no
   * picture fits (when a key is configured), cards for the rest. Visuals are a nicety: a picture
   * or stock failure leaves cards, never fails the video.
   */
  private async automaticVisuals(user: AuthContext, projectId: string, onProgress: (fraction: number, detail: string | null) => void) {
    const { storyboard } = this.deps;
    const pictures = await storyboard.importArticlePictures(user, projectId).catch(() => null);
    onProgress(0.5, pictures ? `${pictures.usable} article pictures` : null);
    const stock = await storyboard.fillWithStock(user, projectId).catch(() => null);
    onProgress(1, stock?.configured ? `${stock.filled.length} stock photos` : null);
  }

  private async completeStep(user: AuthContext, projectId: string, stepNumber: number, now: () => string) {
    const step = stepOf(await this.deps.steps.list(user, projectId), stepNumber);
    if (!step?.completedAt) await this.deps.steps.merge(user, projectId, stepNumber, { completedAt: now() });
  }

  /** Moves the project forward to `stage` when it has not been reached yet; never back. */
  private async reach(user: AuthContext, projectId: string, stage: number) {
    const project = await this.deps.projects.get(user, projectId);
    if (project.maxStage < stage || project.currentStage < stage) await this.deps.projects.changeStage(user, projectId, stage);
  }

  /** Waits for a stage's job; its failure fails the whole run with the stage's reason. */
  private async follow(ctx: JobContext<'video.make'>, user: AuthContext, job: Job, onProgress: (fraction: number, detail: string | null) => void) {
    let current = job;
    while (!TERMINAL_JOB_STATES.includes(current.state)) {
      if (ctx.signal.aborted) {
        await this.deps.jobs.cancel(user, current.id).catch(() => {});
        throw new PermanentJobError('cancelled', 'CANCELLED');
      }
      onProgress(current.progress, current.step);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      current = (await this.deps.jobs.find(current.id)) ?? current;
    }
    if (current.state !== 'succeeded') throw new PermanentJobError(failureOf(current.name, current));
    onProgress(1, null);
  }
}

function failureOf(name: JobName, job: Job): string {
  return job.state === 'cancelled' ? `${name} was cancelled` : `${name} failed: ${job.error ?? 'no reason given'}`;
}
