import { applyMergePatch } from '../../../contracts/merge-patch.ts';
import { STAGES, isSkippable } from '../../../contracts/stages.ts';
import { STEP_DATA_SCHEMAS } from '../../../contracts/step-data.ts';
import { MAX_STEP_DATA_BYTES, type MergeStepBody, type Step, type UpsertStepBody } from '../../../contracts/steps.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { AppError, notFound, validationError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import type { StepRow, StepsRepository } from './steps.repository.ts';
import { StepUpsertBatcher } from './step-upsert-batcher.ts';

export const SOURCES_BY_STEP: Record<number, number[]> = Object.fromEntries(STAGES.map((s) => [s.number, [...s.derivesFrom]]));
const sourcesOf = (stepNumber: number) => SOURCES_BY_STEP[stepNumber] ?? [];

/**
 * Outdated: a source's content changed after this step was built from it. A skipped stage is
 * never outdated (nothing was built), and a write that left a source's data as it was (marking
 * it complete, a regeneration with the same result) changes nothing here. Rows written before
 * content versions existed fall back to comparing versions.
 */
export function staleSourcesOf(row: StepRow): number[] {
  if (row.skipReason && !row.completedAt) return [];
  return sourcesOf(row.stepNumber).filter((source) => {
    const key = String(source);
    const built = row.derivedContent[key];
    const now = row.sourceContents[key];
    if (built !== undefined && now !== undefined) return built !== now;
    const current = row.sourceVersions[key];
    return current !== undefined && row.derivedFrom[key] !== current;
  });
}

export function toStep(row: StepRow): Step {
  const staleSources = staleSourcesOf(row);
  return {
    id: row.id,
    projectId: row.projectId,
    stepNumber: row.stepNumber,
    data: row.data,
    completedAt: row.completedAt?.toISOString() ?? null,
    skipReason: row.skipReason,
    version: row.version,
    derivedFrom: row.derivedFrom,
    stale: staleSources.length > 0,
    staleSources,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Accepts `3`, `"3"` and `W/"3"`. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new AppError('VALIDATION_FAILED', 'If-Match: must be a step version such as "3"', { issues: [{ path: 'If-Match', message: 'must be a step version' }] });
  return Number(match[1]);
}

/** Validates step data against its stage's schema and size; returns it with its JSON text. */
function checkData(stepNumber: number, data: unknown, field = 'data'): { data: Record<string, unknown>; dataJson: string } {
  const schema = STEP_DATA_SCHEMAS[stepNumber as keyof typeof STEP_DATA_SCHEMAS];
  const result = schema.safeParse(data);
  if (!result.success) throw validationError(result.error, field);
  const dataJson = JSON.stringify(data);
  if (Buffer.byteLength(dataJson) > MAX_STEP_DATA_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `${field}: step data is larger than ${MAX_STEP_DATA_BYTES / 1024} KiB`);
  }
  return { data: data as Record<string, unknown>, dataJson };
}

/** 412 with the current row (null when the step does not exist, or is an uncommitted placeholder). */
function versionMismatch(stepNumber: number, current: StepRow | null): AppError {
  const step = current && current.version > 0 ? toStep(current) : null;
  return new AppError(
    'VERSION_MISMATCH',
    step
      ? `Step ${stepNumber} was changed by someone else (now version ${step.version}); reload and apply your change again`
      : `Step ${stepNumber} does not exist yet`,
    { current: step },
  );
}

export class StepsService {
  private readonly upserts: StepUpsertBatcher;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly steps: StepsRepository,
    private readonly projects: ProjectsRepository,
  ) {
    this.upserts = new StepUpsertBatcher(steps);
  }

  async list(user: AuthContext, projectId: string): Promise<Step[]> {
    const rows = await this.steps.list(user.userId, projectId, SOURCES_BY_STEP);
    if (!rows) throw notFound();
    return rows.map(toStep);
  }

  async get(user: AuthContext, projectId: string, stepNumber: number): Promise<Step> {
    const step = (await this.list(user, projectId)).find((s) => s.stepNumber === stepNumber);
    if (!step) throw notFound(`Step ${stepNumber}`);
    return step;
  }

  async upsert(user: AuthContext, projectId: string, body: UpsertStepBody, ifMatch?: string): Promise<Step> {
    const baseVersion = body.baseVersion ?? parseIfMatch(ifMatch);
    const write = { ...body, ...checkData(body.stepNumber, body.data), baseVersion, ownerId: user.userId, projectId, sources: sourcesOf(body.stepNumber) };
    const row = baseVersion === undefined ? await this.upserts.upsert(write) : await this.steps.write({ ...write, baseVersion });
    if (row) return toStep(row);
    return this.explainRefusedWrite(user, projectId, body.stepNumber);
  }

  /** A write that changed nothing: either the project is not the user's, or the version moved on. */
  private async explainRefusedWrite(user: AuthContext, projectId: string, stepNumber: number): Promise<never> {
    if (!(await this.projects.findOwned(user.userId, projectId))) throw notFound();
    throw versionMismatch(stepNumber, await this.steps.find(projectId, stepNumber, sourcesOf(stepNumber)));
  }

  /** JSON merge patch of one step, atomic under a row lock. */
  merge(user: AuthContext, projectId: string, stepNumber: number, patch: MergeStepBody, ifMatch?: string): Promise<Step> {
    const baseVersion = patch.baseVersion ?? parseIfMatch(ifMatch);
    return this.database.transaction(async (exec) => {
      if (!(await this.steps.ensureExists(user.userId, projectId, stepNumber, exec))) throw notFound();
      const current = (await this.steps.find(projectId, stepNumber, sourcesOf(stepNumber), exec, true))!;
      if (baseVersion !== undefined && baseVersion !== current.version) throw versionMismatch(stepNumber, current);
      const checked = checkData(stepNumber, applyMergePatch(current.data, patch.data ?? {}));
      const row = await this.steps.write(
        { ...patch, ...checked, stepNumber, baseVersion: current.version, rowExists: true, ownerId: user.userId, projectId, sources: sourcesOf(stepNumber) },
        exec,
      );
      return toStep(row!);
    });
  }

  /** Skips stage 4 or 5 (current or already reached); skipping the current stage advances the project. */
  skip(user: AuthContext, projectId: string, stepNumber: number, reason: string | undefined): Promise<Step> {
    if (!isSkippable(stepNumber)) {
      throw new AppError('STAGE_NOT_SKIPPABLE', `Stage ${stepNumber} cannot be skipped; only stages 4 (voice) and 5 (avatar) can`);
    }
    return this.database.transaction(async (exec) => {
      const project = await exec(
        'select current_stage, max_stage from projects where id = $1 and owner_id = $2 and deleted_at is null for update',
        [projectId, user.userId],
      );
      const row = project.rows[0];
      if (!row) throw notFound();
      const currentStage = Number(row.current_stage);
      const maxStage = Number(row.max_stage);
      if (stepNumber > maxStage) {
        throw new AppError('STAGE_NOT_REACHED', `Stage ${stepNumber} has not been reached yet (the project is at stage ${currentStage})`);
      }
      await this.steps.ensureExists(user.userId, projectId, stepNumber, exec);
      const current = (await this.steps.find(projectId, stepNumber, sourcesOf(stepNumber), exec, true))!;
      const written = await this.steps.write(
        {
          stepNumber,
          data: current.data,
          skipReason: reason?.trim() || 'Skipped by the author',
          baseVersion: current.version,
          rowExists: true,
          ownerId: user.userId,
          projectId,
          sources: sourcesOf(stepNumber),
        },
        exec,
      );
      if (stepNumber === currentStage) {
        await exec(
          `update projects set current_stage = $2, max_stage = greatest(max_stage, $2), status = case when status = 'draft' then 'in_progress' else status end, updated_at = now() where id = $1`,
          [projectId, stepNumber + 1],
        );
      }
      return toStep(written!);
    });
  }
}
