import type { Job } from '../../../contracts/jobs.ts';
import type { GenerateScriptBody, SaveFinalScriptBody, ScriptVersion } from '../../../contracts/script-workflow.ts';
import type { Step } from '../../../contracts/steps.ts';
import type { Clock } from '../../adapters/clock.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import { type JobContext, PermanentJobError } from '../jobs/job-handlers.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { viaWriter, writerFailure } from '../writers/writer-errors.ts';
import type { WritersService } from '../writers/writers.service.ts';
import { nearCopyCheck } from '../writers/quality/near-copy.ts';
import { finalScriptFromChoices, type SceneChoice } from './final-script.ts';
import { chosenVariantId, hasChoices, ScriptInputError, scriptInputFromSteps, storedScript, withRegeneratedScene } from './script-input.ts';
import type { ScriptVersionsRepository } from './script-versions.repository.ts';

type StepData = Record<string, unknown>;
const MAX_WRITE_ATTEMPTS = 5;

export const scriptJobKey = (projectId: string, sceneId?: string) => (sceneId ? `script.generate:${projectId}:${sceneId}` : `script.generate:${projectId}`);

function toVersion(row: { version: number; finalScript: StepData; createdAt: Date }, ordinal: number): ScriptVersion {
  const scenes = Array.isArray(row.finalScript.scenes) ? (row.finalScript.scenes as { text?: unknown }[]) : [];
  const preview = scenes.map((s) => (typeof s.text === 'string' ? s.text : '')).join(' ').slice(0, 160);
  const number = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    version: row.version,
    number: ordinal,
    createdAt: row.createdAt.toISOString(),
    totalWords: number(row.finalScript.totalWords),
    duration: number(row.finalScript.duration),
    sceneCount: scenes.length,
    preview,
    finalScript: row.finalScript,
  };
}

/** Stage 3: script generation as a job, the author's final script, its versions and reverts. */
export class ScriptService {
  constructor(
    private readonly steps: StepsService,
    private readonly jobs: JobsService,
    private readonly writers: WritersService,
    private readonly versions: ScriptVersionsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Queues script.generate. A double click is one job. A full regeneration over the author's
   * choices is refused (409) unless `replace: true` confirms it.
   */
  async generate(user: AuthContext, projectId: string, body: GenerateScriptBody = {}): Promise<Job> {
    const steps = await this.steps.list(user, projectId);
    try {
      scriptInputFromSteps(steps);
    } catch (error) {
      if (error instanceof ScriptInputError) throw new AppError('CONFLICT', capitalise(error.message), { reason: 'NO_SOURCE_TEXT' });
      throw error;
    }
    const data = steps.find((s) => s.stepNumber === 3)?.data ?? {};
    if (body.sceneId) {
      const script = storedScript(data);
      if (!script?.scenes.some((s) => s.id === body.sceneId)) throw new AppError('NOT_FOUND', `The script has no scene "${body.sceneId}"`);
    } else if (hasChoices(data) && !body.replace) {
      throw new AppError('CONFLICT', 'You already chose variants for this script; a new script replaces them. Send replace: true to confirm', {
        reason: 'CHOICES_EXIST',
      });
    }
    return this.jobs.enqueue({
      ownerId: user.userId,
      projectId,
      name: 'script.generate',
      payload: { projectId, sceneId: body.sceneId, replace: body.replace },
      dedupeKey: scriptJobKey(projectId, body.sceneId),
    });
  }

  /** The script.generate job. */
  async runJob(ctx: JobContext<'script.generate'>): Promise<unknown> {
    if (!ctx.ownerId) throw new PermanentJobError('a script job needs an owner');
    const user: AuthContext = { userId: ctx.ownerId, via: 'token' };
    const { projectId, sceneId, replace } = ctx.payload;
    ctx.progress(0.05, 'reading the source');
    let input;
    let steps: Step[];
    try {
      steps = await this.steps.list(user, projectId);
      input = scriptInputFromSteps(steps);
    } catch (error) {
      if (error instanceof ScriptInputError || (error instanceof AppError && error.code === 'NOT_FOUND')) throw new PermanentJobError(error.message);
      throw error;
    }
    const writer = await this.writers.forUser(ctx.ownerId);
    const permanent = (error: unknown) => {
      const failure = writerFailure(error);
      if (failure instanceof AppError && failure.code !== 'PROVIDER_FAILED') return new PermanentJobError(failure.message);
      return failure;
    };
    if (!sceneId) {
      ctx.progress(0.15, `writing the script (${writer.kind} writer)`);
      const script = await writer.writeScript(input, { signal: ctx.signal }).catch((e: unknown) => Promise.reject(permanent(e)));
      ctx.progress(0.9, 'saving');
      await this.updateStep3(user, projectId, (data) => {
        if (!replace && hasChoices(data)) throw new PermanentJobError('variants were chosen while the script was being written; regenerate with replace to start over', 'SCRIPT_CHOICES_MADE');
        const { choices: _c, selectedVariants: _s, finalScript: _f, ...rest } = data;
        const copyCheck = copyCheckOf(steps, script.scenes.map((scene) => scene.variants[0]?.text ?? ''));
        return { ...(replace ? rest : data), generatedVariants: script, ...(copyCheck ? { copyCheck } : {}) };
      }, replace ? { completedAt: null } : {});
      return { scenes: script.scenes.length, totalWords: script.totalWords, writer: script.writer };
    }
    const current = storedScript((await this.step3(user, projectId))?.data ?? {});
    if (!current?.scenes.some((s) => s.id === sceneId)) throw new PermanentJobError(`the script has no scene "${sceneId}"`, 'SCRIPT_SCENE_MISSING', { scene: sceneId });
    ctx.progress(0.15, `writing new variants for scene ${sceneId} (${writer.kind} writer)`);
    const rewritten = await writer.regenerateScene({ script: current, sceneId, source: input }, { signal: ctx.signal }).catch((e: unknown) => Promise.reject(permanent(e)));
    const scene = rewritten.scenes.find((s) => s.id === sceneId)!;
    ctx.progress(0.9, 'saving');
    await this.updateStep3(user, projectId, (data) => {
      const latest = storedScript(data);
      if (!latest?.scenes.some((s) => s.id === sceneId)) throw new PermanentJobError('the script changed while the scene was being rewritten', 'SCRIPT_CHANGED');
      return { ...data, generatedVariants: withRegeneratedScene(latest, scene, chosenVariantId(data, sceneId)) };
    });
    return { sceneId, variants: scene.variants.map((v) => v.id), writer: rewritten.writer };
  }

  /** Builds the final script from the author's choices and saves it with them (a new version when it changed). */
  async saveFinal(user: AuthContext, projectId: string, body: SaveFinalScriptBody): Promise<Step> {
    const step = await this.step3(user, projectId);
    const script = storedScript(step?.data ?? {});
    if (!step || !script) throw new AppError('CONFLICT', 'There is no generated script to choose from yet', { reason: 'NO_SCRIPT' });
    if (body.baseVersion !== undefined && body.baseVersion !== step.version) {
      throw new AppError('VERSION_MISMATCH', `Step 3 was changed meanwhile (now version ${step.version}); reload and choose again`, { current: step });
    }
    const choices: Record<string, SceneChoice> = {};
    for (const [sceneId, choice] of Object.entries(body.choices)) {
      choices[sceneId] = choice.omit ? { omit: true } : { ...(choice.variantId ? { variantId: choice.variantId } : {}), ...(choice.text?.trim() ? { text: choice.text.trim() } : {}) };
    }
    const finalScript = await viaWriter(async () => finalScriptFromChoices(script, choices));
    const copyCheck = copyCheckOf(await this.steps.list(user, projectId), finalScript.scenes.map((scene) => scene.text));
    return this.steps.upsert(
      user,
      projectId,
      {
        stepNumber: 3,
        data: { ...step.data, choices, selectedVariants: finalScript.selectedVariants, finalScript, ...(copyCheck ? { copyCheck } : {}) },
        baseVersion: step.version,
        ...(body.complete ? { completedAt: this.clock.now().toISOString() } : {}),
      },
    );
  }

  async listVersions(user: AuthContext, projectId: string): Promise<ScriptVersion[]> {
    const rows = await this.versions.list(user.userId, projectId);
    if (!rows) throw notFound();
    return rows.map((row, index) => toVersion(row, rows.length - index));
  }

  /** Makes an older final script the current one again (recorded as a new version). */
  async revert(user: AuthContext, projectId: string, version: number): Promise<Step> {
    const row = await this.versions.find(user.userId, projectId, version);
    if (!row) {
      await this.listVersions(user, projectId);
      throw new AppError('NOT_FOUND', `Script version ${version} not found`);
    }
    const finalScript = row.finalScript;
    return this.updateStep3(user, projectId, (data) => {
      const script = storedScript(data);
      const selected = (finalScript.selectedVariants ?? {}) as Record<string, string>;
      const choices: Record<string, SceneChoice> = {};
      for (const scene of (finalScript.scenes ?? []) as { id: string; text: string }[]) {
        const variant = script?.scenes.find((s) => s.id === scene.id)?.variants.find((v) => v.id === selected[scene.id]);
        choices[scene.id] = variant && variant.text.replace(/\s+/g, ' ') === scene.text ? { variantId: variant.id } : { ...(variant ? { variantId: variant.id } : {}), text: scene.text };
      }
      return { ...data, choices, selectedVariants: selected, finalScript };
    });
  }

  private async step3(user: AuthContext, projectId: string): Promise<Step | undefined> {
    return (await this.steps.list(user, projectId)).find((s) => s.stepNumber === 3);
  }

  /** Read-modify-write of step 3 under its version; retried when someone wrote in between. */
  private async updateStep3(user: AuthContext, projectId: string, change: (data: StepData) => StepData, extra: { completedAt?: string | null } = {}): Promise<Step> {
    for (let attempt = 1; ; attempt++) {
      const step = await this.step3(user, projectId);
      try {
        return await this.steps.upsert(user, projectId, { stepNumber: 3, data: change(step?.data ?? {}), baseVersion: step?.version ?? 0, ...extra });
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'VERSION_MISMATCH') || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
    }
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** For a video/audio source: whether the script (its best variants, or the final one) copies the transcript. */
function copyCheckOf(steps: readonly Step[], sceneTexts: readonly string[]) {
  const transcript = (steps.find((s) => s.stepNumber === 2)?.data.transcript as { text?: unknown } | undefined)?.text;
  return typeof transcript === 'string' && transcript.trim() ? nearCopyCheck(sceneTexts.join(' '), transcript) : null;
}
