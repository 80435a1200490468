import { describe, expect, it } from 'vitest';
import { returnPath } from './return-path.ts';

describe('returnPath', () => {
  it('returns to a page of this site', () => {
    expect(returnPath({ from: '/projects/abc/stage/3?x=1' })).toBe('/projects/abc/stage/3?x=1');
  });

  it('goes home for anything else: nothing, other sites, protocol-relative URLs, the auth pages', () => {
    for (const state of [null, undefined, {}, { from: 'https://evil.example/' }, { from: '//evil.example/' }, { from: '/\\evil.example' }, { from: '/login' }, { from: 42 }]) {
      expect(returnPath(state), JSON.stringify(state)).toBe('/');
    }
  });
});
