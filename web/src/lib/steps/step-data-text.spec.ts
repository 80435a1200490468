import { describe, expect, it } from 'vitest';
import { parseStepData } from './step-data-text.ts';

describe('parseStepData', () => {
  it('accepts a JSON object, keeping unknown fields', () => {
    expect(parseStepData('{"finalScript":{"scenes":[]},"extra":1}')).toEqual({ ok: true, data: { finalScript: { scenes: [] }, extra: 1 } });
  });

  it('names a syntax error', () => {
    const result = parseStepData('{"a": }');
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.problem).toBe('syntax');
    expect(result.ok === false && result.problem === 'syntax' && result.reason.length).toBeGreaterThan(0);
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[1,2]', '"text"', '42', 'null']) {
      expect(parseStepData(text), text).toEqual({ ok: false, problem: 'not-object' });
    }
  });
});
