import { describe, expect, it } from 'vitest';
import { projectIdSchema } from './projects.ts';
import { projectParamsSchema, stepParamsSchema } from './steps.ts';

describe('project ids in paths', () => {
  const upper = '9B2F6C1E-3D4A-4B5C-8D6E-7F8091A2B3C4';

  it('are lower-cased on the way in, so string comparisons agree with PostgreSQL', () => {
    expect(projectIdSchema.parse(upper)).toBe(upper.toLowerCase());
    expect(projectParamsSchema.parse({ id: upper }).id).toBe(upper.toLowerCase());
    expect(stepParamsSchema.parse({ id: upper, stepNumber: '3' })).toEqual({ id: upper.toLowerCase(), stepNumber: 3 });
  });

  it('still name the problem when they are not uuids', () => {
    const result = projectParamsSchema.safeParse({ id: 'not-a-uuid' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('must be a project id (UUID)');
  });
});
