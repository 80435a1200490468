import { describe, expect, it } from 'vitest';
import { NotJsonError, parseModelJson } from './json-repair.ts';

describe('parseModelJson', () => {
  it('parses clean JSON', () => {
    expect(parseModelJson('{"a":1}')).toEqual({ a: 1 });
  });

  it('repairs code fences, surrounding prose and trailing commas', () => {
    const reply = 'Sure! Here is the script:\n```json\n{"scenes": [{"text": "a, b }", "n": [1, 2,],},],}\n```\nLet me know if you need more.';
    expect(parseModelJson(reply)).toEqual({ scenes: [{ text: 'a, b }', n: [1, 2] }] });
    expect(parseModelJson('The answer is {"ok": true, "q": "say \\"hi\\", then go"} as requested.')).toEqual({ ok: true, q: 'say "hi", then go' });
  });

  it('reports text without JSON', () => {
    expect(() => parseModelJson('I cannot help with that.')).toThrow(NotJsonError);
    expect(() => parseModelJson('{"a": 1')).toThrow(/no JSON object|not valid JSON/);
  });
});
