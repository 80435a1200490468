import { describe, expect, it } from 'vitest';
import { problemLines } from './server-log.ts';

describe('server log check', () => {
  it('finds pino records at warn level and above and printed warnings, and nothing else', () => {
    const log = [
      '{"level":30,"msg":"Server listening at http://127.0.0.1:4000"}',
      '{"level":40,"msg":"slow job"}',
      '{"level":50,"msg":"unhandled error"}',
      '(node:123) [DEP0040] DeprecationWarning: The `punycode` module is deprecated.',
      '    at Object.<anonymous> (/app/dist/server/main.js:1:1)',
      'built 2 entries',
      '',
    ].join('\n');
    expect(problemLines(log)).toEqual([
      '{"level":40,"msg":"slow job"}',
      '{"level":50,"msg":"unhandled error"}',
      '(node:123) [DEP0040] DeprecationWarning: The `punycode` module is deprecated.',
      '    at Object.<anonymous> (/app/dist/server/main.js:1:1)',
    ]);
  });
});
