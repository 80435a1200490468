import type { SceneUpdateBody, StoryboardSettingsBody } from '../../../contracts/storyboard-api.ts';
import type { Step } from '../../../contracts/steps.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { StepsService } from '../steps/steps.service.ts';

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** Versions of the script and voice steps the storyboard is built from. */
export function derivedFromOf(steps: Step[]): Record<string, number> {
  const versions: Record<string, number> = {};
  for (const source of [3, 4]) {
    const step = steps.find((s) => s.stepNumber === source);
    if (step && step.version > 0) versions[String(source)] = step.version;
  }
  return versions;
}

const ATTEMPTS = 5;

/**
 * Writes to step 6. A scene change rewrites the `scenes` array, so it is a read-modify-write
 * based on the version read; when another write came in between (412) it is read and applied
 * again, so server-side writers (stock fill) keep each other's changes. A write that names the
 * version it was based on (`ifMatch`, from If-Match) is not applied again: a newer version is a
 * 412, so the author decides instead of a silent overwrite.
 */
export class StoryboardStore {
  constructor(private readonly steps: StepsService) {}

  async updateScene(user: AuthContext, projectId: string, sceneId: string, change: SceneUpdateBody, ifMatch?: number): Promise<Step> {
    for (let attempt = 1; ; attempt++) {
      const steps = await this.steps.list(user, projectId);
      const step6 = steps.find((s) => s.stepNumber === 6);
      const data = record(step6?.data);
      const scenes = Array.isArray(data.scenes) ? data.scenes.map(record) : [];
      const index = scenes.findIndex((scene) => scene.sceneId === sceneId);
      const entry: Record<string, unknown> = { ...(index >= 0 ? scenes[index] : { sceneId }) };
      if (change.visual === null) delete entry.visual;
      else if (change.visual) entry.visual = change.visual;
      if (change.motion) entry.motion = change.motion;
      if (change.transition) entry.transition = change.transition;
      if (index >= 0) scenes[index] = entry;
      else scenes.push(entry);
      try {
        return await this.steps.upsert(user, projectId, {
          stepNumber: 6,
          data: { ...data, scenes },
          baseVersion: ifMatch ?? step6?.version ?? 0,
          derivedFrom: derivedFromOf(steps),
        });
      } catch (error) {
        if (error instanceof AppError && error.code === 'VERSION_MISMATCH' && ifMatch === undefined && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /** Records that the automatic stock fill ran to the end (a merge: scene choices written meanwhile stay). */
  markStockFilled(user: AuthContext, projectId: string, steps: Step[], at: string): Promise<Step> {
    // derivedFrom names steps 3 and 4, which the fill does not change: the steps read before it do.
    return this.steps.merge(user, projectId, 6, { data: { stockFilledAt: at }, derivedFrom: derivedFromOf(steps) });
  }

  /** Music fields and caption style fields merge into the stored ones (music null turns it off). */
  async updateSettings(
    user: AuthContext,
    projectId: string,
    steps: Step[],
    body: StoryboardSettingsBody,
    captionStyleInput: Record<string, unknown> | undefined,
    ifMatch?: number,
  ): Promise<Step> {
    const patch: Record<string, unknown> = {};
    // A merge patch: null fields are removed. Off or a mood replaces an uploaded track.
    if (body.music === null) patch.music = { mood: 'off', assetId: null };
    else if (body.music) patch.music = { ...body.music, ...(body.music.mood && !body.music.assetId ? { assetId: null } : {}) };
    if (captionStyleInput) patch.captionStyle = captionStyleInput;
    if (body.coverFromSourceSec !== undefined) patch.coverFromSourceSec = body.coverFromSourceSec;
    return this.steps.merge(user, projectId, 6, { data: patch, derivedFrom: derivedFromOf(steps), baseVersion: ifMatch });
  }
}
