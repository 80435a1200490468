import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationError } from './errors.ts';

describe('validation issues', () => {
  it('carry a stable code and the limit or format they name beside the English message', () => {
    const schema = z.object({ email: z.email(), password: z.string().min(8), title: z.string().max(200), count: z.number().max(10), kind: z.enum(['a', 'b']) });
    const error = validationError(schema.safeParse({ email: 'nope', password: 'short', title: 'x'.repeat(201), count: 11, kind: 'c' }).error!);
    const issues = (error.details as { issues: Record<string, unknown>[] }).issues;
    expect(issues).toEqual([
      expect.objectContaining({ path: 'email', code: 'invalid_format', format: 'email' }),
      expect.objectContaining({ path: 'password', code: 'too_small', origin: 'string', minimum: 8 }),
      expect.objectContaining({ path: 'title', code: 'too_big', origin: 'string', maximum: 200 }),
      expect.objectContaining({ path: 'count', code: 'too_big', origin: 'number', maximum: 10 }),
      expect.objectContaining({ path: 'kind', code: 'invalid_value' }),
    ]);
    for (const issue of issues) expect(typeof issue.message).toBe('string');
  });
});
