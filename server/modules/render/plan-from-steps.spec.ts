import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../contracts/assets.ts';
import type { Step } from '../../../contracts/steps.ts';
import { stepFixture } from '../../../contracts/testing/step-fixture.ts';
import { buildRenderPlanForProject } from './plan-from-steps.ts';
import type { PlanDeps } from './plan-from-steps.ts';
import { snapSceneTimings } from './plan-timeline.ts';
import { RenderPlanError } from './validate-plan.ts';

const PROJECT = '00000000-0000-4000-8000-000000000000';

const step = (stepNumber: number, data: Record<string, unknown>, extra: Partial<Step> = {}) => stepFixture(stepNumber, { data, ...extra });

function deps(steps: Step[], assets: Record<string, { mime: string; meta?: Record<string, unknown> }>): PlanDeps {
  return {
    steps: { list: async () => steps },
    assets: {
      fileOf: async (_owner, id) => {
        const found = assets[id];
        if (!found) throw new Error('Asset not found');
        const asset = { id, mime: found.mime, meta: found.meta ?? {} } as Asset;
        return { asset, path: `/media/${id}` };
      },
    },
  };
}

const finalScript = {
  scenes: [
    { id: 'hook', text: 'Oil prices hit a record today.' },
    { id: 'body', text: 'Refineries cannot keep up with demand.' },
    { id: 'cta', text: 'Follow for more.' },
  ],
};
const words = (list: Array<[string, number, number]>) => list.map(([word, start, end]) => ({ word, start, end }));
const audio = {
  assetId: 'track',
  durationSec: 6.2,
  source: 'tts',
  createdAt: '2025-01-01T00:00:00.000Z',
  narratedText: { hook: 'Oil prices hit a record today.', body: 'Refineries cannot keep up.', cta: 'Follow for more.' },
  segments: [
    { sceneId: 'hook', start: 0.05, end: 2, words: words([['Oil', 0.05, 0.4], ['prices', 0.4, 0.9], ['today.', 1.5, 2]]) },
    { sceneId: 'body', start: 2.35, end: 4.4, words: words([['Refineries', 2.35, 3], ['up.', 3.9, 4.4]]) },
    { sceneId: 'cta', start: 4.75, end: 6.1, words: words([['Follow', 4.75, 5.2], ['more.', 5.6, 6.1]]) },
  ],
};
const script = { scenes: finalScript.scenes, sourceVersion: 1 };

describe('snapSceneTimings', () => {
  it('makes scenes contiguous from 0, keeps pauses with the scene before, and covers the audio', () => {
    const snapped = snapSceneTimings(audio.segments, audio.durationSec);
    expect(snapped.map((s) => [s.start, s.end])).toEqual([
      [0, 2.35],
      [2.35, 4.75],
      [4.75, 6.2],
    ]);
  });

  it('meets overlapping segments in the middle and pulls their words inside the scene', () => {
    const snapped = snapSceneTimings(
      [
        { sceneId: 'a', start: 0, end: 2, words: words([['late', 1.6, 2]]) },
        { sceneId: 'b', start: 1.8, end: 3, words: words([['early', 1.8, 2.2]]) },
      ],
      3,
    );
    expect(snapped.map((s) => [s.start, s.end])).toEqual([
      [0, 1.9],
      [1.9, 3],
    ]);
    expect(snapped[0]!.words).toEqual([{ word: 'late', start: 1.6, end: 1.9 }]);
    expect(snapped[1]!.words).toEqual([{ word: 'early', start: 1.9, end: 2.2 }]);
  });
});

describe('buildRenderPlanForProject', () => {
  it("times scenes by step 4's narration, with the storyboard's visuals, music and caption style", async () => {
    const steps = [
      step(1, { language: 'en' }),
      step(3, { finalScript }),
      step(4, { script, audio }),
      step(6, {
        scenes: [{ sceneId: 'body', visual: { kind: 'image', assetId: 'photo' }, motion: 'zoom-in', transition: 'crossfade' }],
        music: { assetId: 'song', volume: 0.3 },
        captionStyle: { highlightColour: '#ff0000', position: 'top' },
      }),
      step(7, { settings: { aspect: '1:1', quality: 'high' } }),
    ];
    const built = await buildRenderPlanForProject(
      deps(steps, { track: { mime: 'audio/wav' }, photo: { mime: 'image/jpeg' }, song: { mime: 'audio/mpeg' } }),
      'owner',
      PROJECT,
      { quality: 'draft' },
    );
    const { plan } = built;
    expect(built.timingSource).toBe('narration');
    expect(plan.output).toEqual({ aspect: '1:1', fps: 30, quality: 'draft' });
    expect(plan.narration).toEqual({ path: '/media/track' });
    expect(plan.music).toEqual({ path: '/media/song', volume: 0.3, duck: true });
    expect(plan.scenes.map((s) => [s.sceneId, s.start, s.end])).toEqual([
      ['hook', 0, 2.35],
      ['body', 2.35, 4.75],
      ['cta', 4.75, 6.2],
    ]);
    // What was heard, not the script as edited later.
    expect(plan.scenes[1]!.text).toBe('Refineries cannot keep up.');
    expect(plan.scenes[0]!.visual).toMatchObject({ kind: 'card', keywords: ['Oil prices hit a record today'] });
    expect(plan.scenes[1]).toMatchObject({ visual: { kind: 'image', path: '/media/photo' }, motion: 'zoom-in', transition: 'crossfade' });
    expect(plan.captions?.style).toMatchObject({ highlightColour: '#ff0000', position: 'top', font: 'Montserrat' });
    expect(plan.captions?.scenes[2]!.words.map((w) => w.word)).toEqual(['Follow', 'more.']);
    expect(built.scriptText).toBe('Oil prices hit a record today.\n\nRefineries cannot keep up.\n\nFollow for more.\n');
  });

  it('times captions by reading speed when stage 4 was skipped: no narration, music only', async () => {
    const steps = [step(1, { language: 'en' }), step(3, { finalScript }), step(4, {}, { skipReason: 'silent video' }), step(6, { music: { assetId: 'song' } })];
    const built = await buildRenderPlanForProject(deps(steps, { song: { mime: 'audio/mpeg' } }), 'owner', PROJECT);
    expect(built.timingSource).toBe('reading-speed');
    expect(built.plan.narration).toBeNull();
    expect(built.plan.music?.path).toBe('/media/song');
    expect(built.plan.scenes[0]!.start).toBe(0);
    for (let i = 1; i < built.plan.scenes.length; i++) expect(built.plan.scenes[i]!.start).toBe(built.plan.scenes[i - 1]!.end);
    expect(built.plan.captions?.scenes[1]!.words.map((w) => w.word)).toEqual(['Refineries', 'cannot', 'keep', 'up', 'with', 'demand.']);
    expect(built.plan.output).toEqual({ aspect: '9:16', fps: 30, quality: 'standard' });
  });

  it('names the step field of every visual or sound it cannot find', async () => {
    const steps = [
      step(3, { finalScript }),
      step(4, { script, audio }),
      step(6, { scenes: [{ sceneId: 'hook' }, { sceneId: 'cta', visual: { kind: 'video', assetId: 'gone' } }], music: { assetId: 'photo' } }),
    ];
    const error = await buildRenderPlanForProject(deps(steps, { track: { mime: 'audio/wav' }, photo: { mime: 'image/png' } }), 'owner', PROJECT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderPlanError);
    expect((error as RenderPlanError).issues).toEqual([
      { path: 'step6.scenes[1].visual.assetId', message: 'asset gone not found (deleted?)' },
      { path: 'step6.music.assetId', message: 'asset photo is image/png, not audio' },
    ]);
  });

  it('refuses a project without a script, naming stage 3', async () => {
    const error = await buildRenderPlanForProject(deps([step(1, { language: 'ru' })], {}), 'owner', PROJECT).catch((e: unknown) => e);
    expect((error as RenderPlanError).issues[0]!.path).toBe('step3.finalScript.scenes');
  });

  it('puts a ready avatar clip in the corner, or as every scene for full frame; ignores it when stage 5 was skipped', async () => {
    const base = [step(3, { finalScript }), step(4, { script, audio })];
    const assets = { track: { mime: 'audio/wav' }, head: { mime: 'video/mp4', meta: { durationSec: 5 } } };
    const corner = await buildRenderPlanForProject(deps([...base, step(5, { clipAssetId: 'head', status: 'ready', placement: 'corner' })], assets), 'o', PROJECT);
    expect(corner.plan.avatar).toEqual({ path: '/media/head', placement: 'corner' });
    expect(corner.plan.scenes[0]!.visual.kind).toBe('card');

    const full = await buildRenderPlanForProject(deps([...base, step(5, { clipAssetId: 'head', status: 'ready', placement: 'full' })], assets), 'o', PROJECT);
    expect(full.plan.avatar).toBeNull();
    expect(full.plan.scenes.map((s) => s.visual)).toEqual([
      { kind: 'video', path: '/media/head', startAtSec: 0, audio: 'muted' },
      { kind: 'video', path: '/media/head', startAtSec: 2.35, audio: 'muted' },
      { kind: 'video', path: '/media/head', startAtSec: 4.75, audio: 'muted' },
    ]);

    const skipped = await buildRenderPlanForProject(deps([...base, step(5, { clipAssetId: 'head', status: 'ready' }, { skipReason: 'no avatar' })], assets), 'o', PROJECT);
    expect(skipped.plan.avatar).toBeNull();
    const processing = await buildRenderPlanForProject(deps([...base, step(5, { clipAssetId: 'head', status: 'processing' })], assets), 'o', PROJECT);
    expect(processing.plan.avatar).toBeNull();
  });
});
