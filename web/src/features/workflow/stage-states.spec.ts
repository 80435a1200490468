import { describe, expect, it } from 'vitest';
import { stepFixture } from '../../../../contracts/testing/step-fixture.ts';
import type { Step } from '../../lib/domain.ts';
import { stageStates } from './stage-states.ts';

const step = stepFixture;

const progress = (project: { currentStage: number; maxStage: number }, steps: Step[]) =>
  stageStates(project, steps).map((s) => s.progress);

describe('stageStates', () => {
  it('a new project: stage 1 current, everything else locked', () => {
    expect(progress({ currentStage: 1, maxStage: 1 }, [])).toEqual(['current', ...Array(7).fill('locked')]);
  });

  it('the stage after the current one opens only once the current one is completed or skipped', () => {
    const open = { currentStage: 1, maxStage: 1 };
    expect(progress(open, [step(1, { data: { idea: 'x' } })])[1]).toBe('locked');
    expect(progress(open, [step(1, { completedAt: '2026-01-02T00:00:00.000Z' })]).slice(0, 3)).toEqual(['done', 'next', 'locked']);
    const atFour = { currentStage: 4, maxStage: 4 };
    expect(progress(atFour, [step(4, { skipReason: 'own voice' })]).slice(3, 6)).toEqual(['skipped', 'next', 'locked']);
  });

  it('after going back, stages up to the furthest reached stay open and the next one stays locked', () => {
    const steps = [step(1, { completedAt: 'x' }), step(2, { completedAt: 'x' }), step(3, { completedAt: 'x' })];
    const states = stageStates({ currentStage: 2, maxStage: 4 }, steps);
    expect(states.map((s) => s.progress)).toEqual(['done', 'done', 'done', 'reached', 'locked', 'locked', 'locked', 'locked']);
    expect(states.filter((s) => s.isCurrent).map((s) => s.stage)).toEqual([2]);
  });

  it('reports staleness on top of the progress, with the stages it is stale against', () => {
    const states = stageStates({ currentStage: 4, maxStage: 4 }, [step(4, { completedAt: 'x', stale: true, staleSources: [3] })]);
    expect(states[3]).toMatchObject({ progress: 'done', isCurrent: true, stale: true, staleSources: [3] });
    expect(states[2]).toMatchObject({ progress: 'reached', stale: false, step: undefined });
  });
});
