import type { Step } from '../../lib/domain.ts';

export interface ScriptScene {
  id: string;
  text: string;
  role?: string;
}

/** The copy of the script stage 4 keeps in its step (see contracts/voice-api.ts, stage4ScriptSchema). */
export interface ScriptCopy {
  scenes: ScriptScene[];
  sourceVersion: number;
  base?: Array<{ id: string; text: string }>;
}

export interface SceneChange {
  sceneId: string;
  kind: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
  /** The author had edited this scene in stage 4; loading the new script replaces that edit. */
  editedHere: boolean;
}

/** What stage 4 must do with its script given steps 3 and 4 as they are now. */
export type ScriptSync =
  /** Stage 3 has no final script and stage 4 no copy: nothing to voice yet. */
  | { kind: 'no-final-script' }
  /** First visit (or nothing copied yet): copy step 3's final script. */
  | { kind: 'copy'; scenes: ScriptScene[]; sourceVersion: number }
  /** Stage 4's copy is built from the current step 3. */
  | { kind: 'current'; copy: ScriptCopy }
  /** Step 3 was saved again without changing its final script: record the new version, nothing to ask. */
  | { kind: 'rebase'; copy: ScriptCopy; sourceVersion: number; base: ScriptScene[] }
  /** Step 3's final script changed since the copy: show the changes and let the author choose. */
  | { kind: 'changed'; copy: ScriptCopy; changes: SceneChange[]; merged: ScriptScene[]; sourceVersion: number; base: ScriptScene[] };

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

export function scenesOf(value: unknown): ScriptScene[] | null {
  const scenes = record(value).scenes;
  if (!Array.isArray(scenes)) return null;
  return scenes.flatMap((raw) => {
    const scene = record(raw);
    if (typeof scene.id !== 'string' || typeof scene.text !== 'string') return [];
    return [{ id: scene.id, text: scene.text, ...(typeof scene.role === 'string' ? { role: scene.role } : {}) }];
  });
}

export function copyOf(step4: Step | undefined): ScriptCopy | null {
  const script = record(step4?.data).script;
  const scenes = scenesOf(script);
  const sourceVersion = record(script).sourceVersion;
  if (!scenes || typeof sourceVersion !== 'number') return null;
  const base = scenesOf({ scenes: record(script).base }) ?? undefined;
  return { scenes, sourceVersion, ...(base ? { base: base.map(({ id, text }) => ({ id, text })) } : {}) };
}

export const finalScenesOf = (step3: Step | undefined) => scenesOf(record(step3?.data).finalScript);

/** Per scene, what step 3 changed between `before` (what stage 4 copied) and `after` (now). */
export function diffScenes(before: ScriptScene[], after: ScriptScene[], copy: ScriptScene[]): SceneChange[] {
  const beforeById = new Map(before.map((s) => [s.id, s.text]));
  const afterIds = new Set(after.map((s) => s.id));
  const copyById = new Map(copy.map((s) => [s.id, s.text]));
  const edited = (id: string) => copyById.has(id) && beforeById.has(id) && copyById.get(id) !== beforeById.get(id);
  const changes: SceneChange[] = [];
  for (const scene of after) {
    const old = beforeById.get(scene.id);
    if (old === undefined) changes.push({ sceneId: scene.id, kind: 'added', after: scene.text, editedHere: false });
    else if (old !== scene.text) changes.push({ sceneId: scene.id, kind: 'changed', before: copyById.get(scene.id) ?? old, after: scene.text, editedHere: edited(scene.id) });
  }
  for (const scene of before) {
    if (!afterIds.has(scene.id)) changes.push({ sceneId: scene.id, kind: 'removed', before: copyById.get(scene.id) ?? scene.text, editedHere: edited(scene.id) });
  }
  return changes;
}

/**
 * The new script with the author's stage-4 edits kept where stage 3 did not touch that scene;
 * scenes stage 3 changed, added or removed follow stage 3.
 */
export function mergeScripts(base: ScriptScene[], latest: ScriptScene[], copy: ScriptScene[]): ScriptScene[] {
  const baseById = new Map(base.map((s) => [s.id, s.text]));
  const copyById = new Map(copy.map((s) => [s.id, s.text]));
  return latest.map((scene) => {
    const untouchedUpstream = baseById.get(scene.id) === scene.text;
    const mine = copyById.get(scene.id);
    return untouchedUpstream && mine !== undefined ? { ...scene, text: mine } : scene;
  });
}

export function planScriptSync(step3: Step | undefined, step4: Step | undefined): ScriptSync {
  const latest = finalScenesOf(step3);
  const copy = copyOf(step4);
  if (!copy) return latest && step3 ? { kind: 'copy', scenes: latest, sourceVersion: step3.version } : { kind: 'no-final-script' };
  const stale = Boolean(step4?.staleSources.includes(3)) || (step3 !== undefined && copy.sourceVersion !== step3.version);
  if (!stale || !latest || !step3) return { kind: 'current', copy };
  const base = copy.base ?? copy.scenes;
  const changes = diffScenes(base, latest, copy.scenes);
  if (changes.length === 0) return { kind: 'rebase', copy, sourceVersion: step3.version, base: latest };
  return { kind: 'changed', copy, changes, merged: mergeScripts(base, latest, copy.scenes), sourceVersion: step3.version, base: latest };
}

/** The step-4 script to save for a copy of `scenes` taken from step 3 version `sourceVersion`. */
export function scriptPatch(scenes: ScriptScene[], sourceVersion: number, base: ScriptScene[] = scenes) {
  return {
    data: { script: { scenes, sourceVersion, base: base.map(({ id, text }) => ({ id, text })) } },
    derivedFrom: { '3': sourceVersion },
  };
}
