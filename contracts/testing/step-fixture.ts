import type { Step } from '../steps.ts';

/** A stored step as the API returns it, for tests: version 1, not stale, unless `fields` say otherwise. */
export function stepFixture(stepNumber: number, fields: Partial<Step> = {}): Step {
  return {
    id: `00000000-0000-4000-8000-00000000000${stepNumber}`,
    projectId: '00000000-0000-4000-8000-000000000000',
    stepNumber,
    data: {},
    completedAt: null,
    skipReason: null,
    version: 1,
    derivedFrom: {},
    stale: false,
    staleSources: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...fields,
  };
}
