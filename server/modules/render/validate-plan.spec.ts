import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderPlanInput } from '../../../contracts/render-plan.ts';
import { makeClip, makeImage, planFor, speak } from './test-support.ts';
import { RenderPlanError, validateRenderPlan } from './validate-plan.ts';

async function issuesOf(plan: unknown): Promise<string[]> {
  try {
    await validateRenderPlan(plan);
  } catch (error) {
    if (error instanceof RenderPlanError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('validateRenderPlan', () => {
  let dir = '';
  let narration = { path: '', durationSec: 0 };
  let image = '';
  let clip = '';
  let good: RenderPlanInput;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-validate-'));
    narration = await speak(dir, 'Two short scenes. With a voice.');
    image = await makeImage(dir);
    clip = await makeClip(dir, 1);
    good = planFor(
      [{ text: 'Two short scenes.', visual: { kind: 'image', path: image } }, { text: 'With a voice.', visual: { kind: 'video', path: clip, startAtSec: 0 } }],
      narration.durationSec,
      { narration: narration.path },
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('accepts a good plan, fills defaults and reports what it learned', async () => {
    const checked = await validateRenderPlan(good);
    expect(checked.plan.output.fps).toBe(30);
    expect(checked.plan.captions?.style.font).toBe('Montserrat');
    expect(checked.narrationSec).toBeCloseTo(narration.durationSec, 2);
    expect(checked.videoSourceSec.get(1)).toBeGreaterThan(0.9);
  });

  it('names a missing file by its field', async () => {
    const plan = structuredClone(good);
    plan.scenes[1]!.visual = { kind: 'video', path: join(dir, 'nope.mp4') };
    expect(await issuesOf(plan)).toEqual([`scenes[1].visual.path: file not found: ${join(dir, 'nope.mp4')}`]);
  });

  it('refuses files of the wrong kind', async () => {
    const text = join(dir, 'notes.png');
    await writeFile(text, 'not an image');
    const plan = structuredClone(good);
    plan.scenes[0]!.visual = { kind: 'image', path: text };
    plan.narration = { path: image };
    const issues = await issuesOf(plan);
    expect(issues.some((i) => i.startsWith('scenes[0].visual.path: not a readable image'))).toBe(true);
    expect(issues.some((i) => i.startsWith('narration.path: no audio stream'))).toBe(true);
  });

  it('names schema problems by field', async () => {
    const plan = structuredClone(good) as Record<string, unknown> & RenderPlanInput;
    (plan.output as Record<string, unknown>).aspect = '4:3';
    (plan.scenes[0] as Record<string, unknown>).motion = 'spin';
    const issues = await issuesOf(plan);
    expect(issues.some((i) => i.startsWith('output.aspect:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('scenes[0].motion:'))).toBe(true);
  });

  it('requires a contiguous timeline from 0 that covers the narration', async () => {
    const plan = structuredClone(good);
    plan.scenes[1]!.start += 0.5;
    plan.scenes[1]!.end = narration.durationSec - 0.5;
    const issues = await issuesOf(plan);
    expect(issues.some((i) => i.startsWith('scenes[1].start:') && i.includes('contiguous'))).toBe(true);
    expect(issues.some((i) => i.startsWith('scenes[1].end:') && i.includes('before the narration'))).toBe(true);
  });

  it('checks caption words against their scenes', async () => {
    const plan = structuredClone(good);
    plan.captions!.scenes[0]!.sceneId = 'missing';
    plan.captions!.scenes[1]!.words[1]!.start = 0;
    const issues = await issuesOf(plan);
    expect(issues).toContain("captions.scenes[0].sceneId: no scene with id 'missing'");
    expect(issues.some((i) => i.startsWith('captions.scenes[1].words[1].start:'))).toBe(true);
  });
});
