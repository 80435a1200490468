import type { AnalyseInput, AnalysisResult } from '../../../contracts/analysis.ts';
import { languageSchema } from '../../../contracts/formats.ts';
import type { Step } from '../../../contracts/steps.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { Job } from '../../../contracts/jobs.ts';
import type { JobContext } from '../jobs/job-handlers.ts';
import { PermanentJobError } from '../jobs/job-handlers.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { viaWriter } from '../writers/writer-errors.ts';
import type { WritersService } from '../writers/writers.service.ts';

export interface AnalyseProjectBody {
  /** A new text for stage 2 (saved with the analysis); absent: the saved text. */
  text?: string;
  title?: string;
  /** The step-2 version the edit started from; 412 if it moved on. */
  baseVersion?: number;
}

const stringOr = (value: unknown, fallback?: string) => (typeof value === 'string' ? value : fallback);

/** Stage 2: the potential of a text, by the user's writer (the offline analyser unless they plugged in an LLM). */
export class AnalysisService {
  constructor(
    private readonly writers: WritersService,
    private readonly steps: StepsService,
    private readonly jobs: JobsService,
  ) {}

  /**
   * The offline analyser answers in milliseconds, so it runs inside the request; an LLM takes
   * seconds, so its analysis runs as a job whose progress the screen follows.
   */
  async startProjectAnalysis(user: AuthContext, projectId: string, body: AnalyseProjectBody): Promise<{ step: Step } | { job: Job }> {
    if ((await this.writers.describe(user.userId)).kind === 'offline') return { step: await this.analyseProject(user, projectId, body) };
    await this.textToAnalyse(user, projectId, body);
    const job = await this.jobs.enqueue({
      ownerId: user.userId,
      projectId,
      name: 'analysis.run',
      payload: { projectId, ...body },
      dedupeKey: `analysis:${projectId}`,
    });
    return { job };
  }

  async runJob(ctx: JobContext<'analysis.run'>): Promise<{ stepVersion: number }> {
    if (!ctx.ownerId) throw new PermanentJobError('an analysis job needs an owner');
    const { projectId, ...body } = ctx.payload;
    ctx.progress(0.1, 'analysing');
    try {
      const step = await this.analyseProject({ userId: ctx.ownerId, via: 'token' }, projectId, body);
      return { stepVersion: step.version };
    } catch (error) {
      // Bad input and changed versions do not improve with a retry.
      if (error instanceof AppError && error.status < 500) throw new PermanentJobError(error.message);
      throw error;
    }
  }

  private async textToAnalyse(user: AuthContext, projectId: string, body: AnalyseProjectBody) {
    const steps = await this.steps.list(user, projectId);
    const content = steps.find((s) => s.stepNumber === 2)?.data ?? {};
    const text = body.text ?? stringOr(content.text, '')!;
    if (!text.trim()) {
      throw new AppError('VALIDATION_FAILED', 'text: stage 2 has no text to analyse yet', { issues: [{ path: 'text', message: 'empty' }] });
    }
    return { steps, content, text };
  }

  async analyse(userId: string, input: AnalyseInput): Promise<AnalysisResult> {
    const writer = await this.writers.forUser(userId);
    return viaWriter(() => writer.analyse(input));
  }

  /** Analyses the stage-2 text (or a new one) and saves text and analysis into step 2. */
  async analyseProject(user: AuthContext, projectId: string, body: AnalyseProjectBody): Promise<Step> {
    const { steps, content, text } = await this.textToAnalyse(user, projectId, body);
    const source = steps.find((s) => s.stepNumber === 1)?.data ?? {};
    const title = body.title ?? stringOr(content.title);
    const language = languageSchema.safeParse(source.language);
    const analysis = await this.analyse(user.userId, {
      text,
      title,
      language: language.success ? language.data : undefined,
      publishedAt: stringOr(content.publishedAt) ?? null,
    });
    const patch: Record<string, unknown> = { analysis };
    if (body.text !== undefined) patch.text = body.text;
    if (body.title !== undefined) patch.title = body.title;
    return this.steps.merge(user, projectId, 2, { data: patch, baseVersion: body.baseVersion });
  }
}
