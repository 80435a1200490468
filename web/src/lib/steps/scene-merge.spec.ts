import { describe, expect, it } from 'vitest';
import { changedScenes, mergeScenes } from './scene-merge.ts';

describe('mergeScenes', () => {
  const base = { hook: 'a', s2: 'b', cta: 'c' };

  it('takes each scene from the side that changed it', () => {
    const result = mergeScenes(base, { ...base, hook: 'mine' }, { ...base, cta: 'theirs' });
    expect(result.merged).toEqual({ hook: 'mine', s2: 'b', cta: 'theirs' });
    expect(result).toMatchObject({ mine: ['hook'], theirs: ['cta'], both: [] });
  });

  it('keeps this side on a scene changed on both sides, and names it', () => {
    const result = mergeScenes(base, { ...base, s2: 'mine' }, { ...base, s2: 'theirs', hook: 'x' });
    expect(result.merged).toEqual({ hook: 'x', s2: 'mine', cta: 'c' });
    expect(result.both).toEqual(['s2']);
    expect(result.theirs).toEqual(['hook']);
  });

  it('treats the same change on both sides as no conflict, and removals as changes', () => {
    const { hook: _removed, ...withoutHook } = base;
    const result = mergeScenes(base, { ...withoutHook, s2: 'same' }, { ...base, s2: 'same' });
    expect(result.merged).toEqual({ s2: 'same', cta: 'c' });
    expect(result).toMatchObject({ mine: ['hook'], both: [], theirs: ['s2'] });
  });

  it('compares objects by value', () => {
    const result = mergeScenes({ a: { v: 1 } }, { a: { v: 1 } }, { a: { v: 2 } });
    expect(result.merged).toEqual({ a: { v: 2 } });
    expect(changedScenes({ a: { v: 1 }, b: { v: 1 } }, { a: { v: 1 }, b: { v: 3 } })).toEqual(['b']);
  });
});
