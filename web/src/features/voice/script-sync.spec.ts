import { describe, expect, it } from 'vitest';
import { stepFixture } from '../../../../contracts/testing/step-fixture.ts';
import { mergeScripts, planScriptSync, scriptPatch } from './script-sync.ts';

const step = (stepNumber: number, version: number, data: Record<string, unknown>, staleSources: number[] = []) =>
  stepFixture(stepNumber, { version, data, stale: staleSources.length > 0, staleSources });

const v1 = [
  { id: 'hook', text: 'First hook', role: 'hook' },
  { id: 'body', text: 'The body', role: 'body' },
  { id: 'cta', text: 'Subscribe', role: 'cta' },
];
const step3 = (version: number, scenes = v1) => step(3, version, { finalScript: { scenes }, selectedVariants: {} });
const step4 = (scenes: typeof v1, sourceVersion: number, base = v1, staleSources: number[] = []) =>
  step(4, 2, { script: scriptPatch(scenes, sourceVersion, base).data.script }, staleSources);

describe('planScriptSync: stage 4 never shows an older script without saying so', () => {
  it('copies the latest final script on the first visit, and has nothing without one', () => {
    expect(planScriptSync(step3(5), undefined)).toEqual({ kind: 'copy', scenes: v1, sourceVersion: 5 });
    expect(planScriptSync(step3(5), step(4, 1, { mode: 'tts' }))).toMatchObject({ kind: 'copy', sourceVersion: 5 });
    expect(planScriptSync(step(3, 1, {}), undefined)).toEqual({ kind: 'no-final-script' });
  });

  it('keeps an up-to-date copy with its edits', () => {
    const edited = [{ ...v1[0]!, text: 'My own hook' }, v1[1]!, v1[2]!];
    const plan = planScriptSync(step3(5), step4(edited, 5));
    expect(plan).toMatchObject({ kind: 'current', copy: { scenes: edited, sourceVersion: 5 } });
  });

  it('re-derives silently when stage 3 was saved again with the same final script', () => {
    const plan = planScriptSync(step3(6), step4(v1, 5, v1, [3]));
    expect(plan).toMatchObject({ kind: 'rebase', sourceVersion: 6 });
  });

  it('lists what stage 3 changed, old against new, and merges keeping edits stage 3 did not touch', () => {
    const v2 = [{ ...v1[0]!, text: 'A sharper hook' }, v1[1]!, { id: 'extra', text: 'One more thing', role: 'body' }];
    const mine = [v1[0]!, { ...v1[1]!, text: 'The body, my way' }, v1[2]!];
    const plan = planScriptSync(step3(7, v2), step4(mine, 5, v1, [3]));
    if (plan.kind !== 'changed') throw new Error(`expected changed, got ${plan.kind}`);
    expect(plan.changes).toEqual([
      { sceneId: 'hook', kind: 'changed', before: 'First hook', after: 'A sharper hook', editedHere: false },
      { sceneId: 'extra', kind: 'added', after: 'One more thing', editedHere: false },
      { sceneId: 'cta', kind: 'removed', before: 'Subscribe', editedHere: false },
    ]);
    expect(plan.merged.map((s) => s.text)).toEqual(['A sharper hook', 'The body, my way', 'One more thing']);
    expect(plan.sourceVersion).toBe(7);
  });

  it('says when loading the new script replaces an edit made here', () => {
    const v2 = [{ ...v1[0]!, text: 'Hook from stage 3' }, v1[1]!, v1[2]!];
    const mine = [{ ...v1[0]!, text: 'Hook edited in stage 4' }, v1[1]!, v1[2]!];
    const plan = planScriptSync(step3(8, v2), step4(mine, 5, v1, [3]));
    if (plan.kind !== 'changed') throw new Error(`expected changed, got ${plan.kind}`);
    expect(plan.changes).toEqual([{ sceneId: 'hook', kind: 'changed', before: 'Hook edited in stage 4', after: 'Hook from stage 3', editedHere: true }]);
    expect(plan.merged[0]!.text).toBe('Hook from stage 3');
  });

  it('treats a copy without a recorded base as its own base', () => {
    const copyWithoutBase = step(4, 3, { script: { scenes: v1, sourceVersion: 1 } }, [3]);
    const v2 = [v1[0]!, { ...v1[1]!, text: 'New body' }, v1[2]!];
    const plan = planScriptSync(step3(2, v2), copyWithoutBase);
    expect(plan).toMatchObject({ kind: 'changed', changes: [{ sceneId: 'body', before: 'The body', after: 'New body' }] });
    expect(mergeScripts(v1, v2, v1).map((s) => s.text)).toEqual(['First hook', 'New body', 'Subscribe']);
  });
});
