import type { MergeStepBody, Step } from '../domain.ts';
import { mergeStep } from './steps-api.ts';

interface ProjectWrites {
  tail: Promise<unknown>;
  /** `${stepNumber}:${version}` -> the version this tab's own write made of it. */
  madeOf: Map<string, number>;
}

const writes = new Map<string, ProjectWrites>();

/**
 * A conditional write of this tab to one step, sent after the tab's earlier ones. A change made
 * on a version that this tab itself moved on (a second change while the first save is under way)
 * is sent on the version that write made: only a write from elsewhere in between is a conflict (412).
 */
export function writeStepInOrder<T>(projectId: string, stepNumber: number, baseVersion: number, write: (base: number) => Promise<T>, versionOf: (result: T) => number): Promise<T> {
  const project = writes.get(projectId) ?? { tail: Promise.resolve(), madeOf: new Map<string, number>() };
  writes.set(projectId, project);
  const run = project.tail
    .catch(() => undefined)
    .then(async () => {
      let base = baseVersion;
      for (let next = project.madeOf.get(`${stepNumber}:${base}`); next !== undefined; next = project.madeOf.get(`${stepNumber}:${base}`)) base = next;
      const result = await write(base);
      project.madeOf.set(`${stepNumber}:${base}`, versionOf(result));
      return result;
    });
  project.tail = run;
  return run;
}

/** A merge patch of this tab, in order with its other writes (see writeStepInOrder). */
export const mergeStepInOrder = (projectId: string, stepNumber: number, patch: Omit<MergeStepBody, 'baseVersion'>, baseVersion: number): Promise<Step> =>
  writeStepInOrder(projectId, stepNumber, baseVersion, (base) => mergeStep(projectId, stepNumber, patch, base), (step) => step.version);
