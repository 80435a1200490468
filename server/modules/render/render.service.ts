import type { Asset } from '../../../contracts/assets.ts';
import type { Aspect } from '../../../contracts/formats.ts';
import type { Job } from '../../../contracts/jobs.ts';
import type { PublishBody, RenderBody, RenderOutputs, RenderState } from '../../../contracts/render-api.ts';
import type { QualityPreset } from '../../../contracts/render-plan.ts';
import { publishMetadataSchema } from '../../../contracts/script.ts';
import type { PublishMetadata } from '../../../contracts/script.ts';
import { stage1Schema, stage7Schema } from '../../../contracts/step-data.ts';
import type { Step } from '../../../contracts/steps.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { AssetsService } from '../assets/assets.service.ts';
import { creditableFiles, creditsOf, describeWithCredits } from './credits.ts';
import type { JobContext } from '../jobs/job-handlers.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { viaWriter } from '../writers/writer-errors.ts';
import type { WritersService } from '../writers/writers.service.ts';
import { buildRenderPlanForProject } from './plan-from-steps.ts';
import type { PlanDeps, PlanOverrides, ProjectRenderPlan, RenderSettings } from './plan-from-steps.ts';
import { runRenderJob } from './render-job.ts';
import type { RenderFacts } from '../performance/prediction.ts';
import { RenderPlanError, validateRenderPlan } from './validate-plan.ts';
import type { PlanIssue } from './validate-plan.ts';

export interface RenderServiceDeps {
  steps: StepsService;
  assets: AssetsService;
  jobs: JobsService;
  projects: ProjectsRepository;
  writers: WritersService;
  dataDir: string;
  /** The article's pictures fit to show, for scenes left automatic (the storyboard's import). */
  pictures?: PlanDeps['pictures'];
  /** Told of every finished render (stage 8 stores its prediction then). */
  onRendered?: (ownerId: string, projectId: string, facts: RenderFacts) => Promise<void>;
}

export const renderJobKey = (projectId: string) => `render.video:${projectId}`;

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** A plan's problems as the 400 the API answers: every field named. */
function planRefused(issues: PlanIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', `The video cannot be rendered yet: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}

/** Stage 7: render jobs, their outputs, and the publish metadata. */
export class RenderService {
  constructor(private readonly deps: RenderServiceDeps) {}

  /** The plan of a project as the render would build it now (also for stage 6's preview frames). */
  plan(ownerId: string, projectId: string, settings: RenderSettings = {}, overrides: PlanOverrides = {}): Promise<ProjectRenderPlan> {
    return buildRenderPlanForProject({ ...this.deps, assets: this.deps.assets.references }, ownerId, projectId, settings, overrides);
  }

  /**
   * Checks the plan in full (steps and files) and queues render.video; a double click joins the
   * render under way. A plan that cannot render is a 400 naming each field.
   */
  async start(user: AuthContext, projectId: string, body: RenderBody = {}): Promise<Job> {
    const settings = await this.assertRenderable(user, projectId, body);
    const job = await this.deps.jobs.enqueue({
      ownerId: user.userId,
      projectId,
      name: 'render.video',
      payload: { projectId, ...settings },
      dedupeKey: renderJobKey(projectId),
    });
    await this.deps.steps.merge(user, projectId, 7, { data: { settings, jobId: job.id } });
    return job;
  }

  /** The settings a render would use; a 400 naming every field when the plan cannot render. */
  async assertRenderable(user: AuthContext, projectId: string, body: RenderBody = {}): Promise<{ aspect: Aspect; quality: QualityPreset }> {
    const steps = await this.deps.steps.list(user, projectId);
    const saved = this.settingsOf(steps);
    const settings = { aspect: body?.aspect ?? saved.aspect, quality: body?.quality ?? saved.quality };
    try {
      const built = await this.plan(user.userId, projectId, settings);
      // With a remote store the files are probed by the worker before it encodes (the job
      // fails naming the field); here, what exists and its type were checked.
      if (this.deps.assets.storeIsLocal) await validateRenderPlan(built.plan);
    } catch (error) {
      if (error instanceof RenderPlanError) throw planRefused(error.issues);
      throw error;
    }
    return settings;
  }

  runJob(ctx: JobContext<'render.video'>) {
    const { steps, assets, projects, dataDir, pictures } = this.deps;
    return runRenderJob(
      {
        steps,
        assets,
        dataDir,
        pictures,
        markRendered: async (ownerId, projectId, facts) => {
          await projects.update(ownerId, projectId, { status: 'rendered' });
          await this.deps.onRendered?.(ownerId, projectId, facts);
        },
        titleOf: async (ownerId, projectId) => (await projects.findOwned(ownerId, projectId))?.title ?? 'video',
      },
      ctx,
    );
  }

  /** Settings, the latest render job, the finished files, publish metadata and what stops a render now. */
  async state(user: AuthContext, projectId: string): Promise<RenderState> {
    const steps = await this.deps.steps.list(user, projectId);
    const data = stage7Schema.safeParse(steps.find((s) => s.stepNumber === 7)?.data ?? {}).data ?? {};
    const settings = this.settingsOf(steps);
    const jobs = await this.deps.jobs.listForProject(user, projectId);
    const job = jobs.find((j) => j.id === data.jobId) ?? jobs.find((j) => j.name === 'render.video') ?? null;
    let problems: PlanIssue[] = [];
    let timing: RenderState['timing'] = null;
    let credits: RenderState['credits'] = { sourceUrl: null, lines: [] };
    try {
      const built = await this.plan(user.userId, projectId, settings);
      timing = built.timingSource;
      credits = creditsOf(steps, built, await creditableFiles(this.deps.assets, user, projectId), built.language);
    } catch (error) {
      if (!(error instanceof RenderPlanError)) throw error;
      problems = error.issues;
    }
    const publish = publishMetadataSchema.safeParse(data.publish);
    return { settings, job, outputs: await this.outputsOf(user, data.outputs), publish: publish.success ? publish.data : null, timing, problems, credits };
  }

  /** Title, description and hashtags drafted from the script by the user's writer, saved in step 7. */
  async draftPublish(user: AuthContext, projectId: string): Promise<PublishMetadata> {
    const steps = await this.deps.steps.list(user, projectId);
    let built: ProjectRenderPlan;
    try {
      built = await this.plan(user.userId, projectId);
    } catch (error) {
      if (error instanceof RenderPlanError) throw new AppError('CONFLICT', 'There is no script to describe yet: finish stage 3 first', { issues: error.issues });
      throw error;
    }
    const source = stage1Schema.safeParse(steps.find((s) => s.stepNumber === 1)?.data ?? {}).data ?? {};
    const title = record(steps.find((s) => s.stepNumber === 2)?.data).title;
    const writer = await viaWriter(() => this.deps.writers.forUser(user.userId));
    const metadata = await viaWriter(() =>
      writer.draftPublishMetadata({
        language: built.language,
        ...(typeof title === 'string' && title.trim() ? { title: title.slice(0, 500) } : {}),
        ...(source.format ? { format: source.format } : {}),
        scenes: built.scenes.map((s) => ({ text: s.text })),
      }),
    );
    // Picture credits and the source link go under the description, never on the picture.
    const credits = creditsOf(steps, built, await creditableFiles(this.deps.assets, user, projectId), built.language);
    const described = { ...metadata, description: describeWithCredits(metadata.description, credits, built.language) };
    return this.savePublish(user, projectId, described);
  }

  async savePublish(user: AuthContext, projectId: string, body: PublishBody): Promise<PublishMetadata> {
    const step = await this.deps.steps.merge(user, projectId, 7, { data: { publish: { title: body.title, description: body.description, hashtags: body.hashtags } } });
    return publishMetadataSchema.parse(record(step.data).publish);
  }

  private settingsOf(steps: Step[]): { aspect: Aspect; quality: QualityPreset } {
    const saved = stage7Schema.safeParse(steps.find((s) => s.stepNumber === 7)?.data ?? {}).data?.settings ?? {};
    return { aspect: saved.aspect ?? '9:16', quality: saved.quality ?? 'standard' };
  }

  private async outputsOf(user: AuthContext, outputs: Record<string, unknown> | undefined): Promise<RenderOutputs | null> {
    if (!outputs || typeof outputs.videoAssetId !== 'string') return null;
    const asset = async (id: unknown): Promise<Asset | null> => (typeof id === 'string' ? this.deps.assets.get(user, id).catch(() => null) : null);
    const video = await asset(outputs.videoAssetId);
    if (!video) return null;
    const aspect = outputs.aspect;
    return {
      video,
      srt: await asset(outputs.srtAssetId),
      vtt: await asset(outputs.vttAssetId),
      thumbnail: await asset(outputs.thumbnailAssetId),
      script: await asset(outputs.scriptAssetId),
      durationSec: typeof outputs.durationSec === 'number' ? outputs.durationSec : 0,
      aspect: aspect === '9:16' || aspect === '1:1' || aspect === '16:9' ? aspect : null,
      renderedAt: typeof outputs.renderedAt === 'string' ? outputs.renderedAt : null,
    };
  }
}
