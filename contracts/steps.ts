import { z } from 'zod';
import { projectIdSchema, stageNumberSchema } from './projects.ts';

export const MAX_STEP_DATA_BYTES = 1024 * 1024;

export const stepSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  stepNumber: z.number().int(),
  data: z.record(z.string(), z.unknown()),
  completedAt: z.string().nullable(),
  skipReason: z.string().nullable(),
  version: z.number().int().describe('Incremented by every write; send it back as If-Match or baseVersion'),
  derivedFrom: z.record(z.string(), z.number().int()).describe('Versions of the steps this one was built from'),
  stale: z.boolean().describe('True when a step this one derives from has changed since'),
  staleSources: z.array(z.number().int()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Step = z.infer<typeof stepSchema>;

const dataSchema = z.record(z.string(), z.unknown(), { message: 'must be a JSON object' });
const timestampOrNull = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time or null' }).nullable();
const versionSchema = z.number().int().min(0);
const derivedFromSchema = z.record(z.string().regex(/^[1-8]$/, 'must be a stage number'), z.number().int().min(0));

export const upsertStepBodySchema = z.object({
  stepNumber: stageNumberSchema,
  data: dataSchema,
  completedAt: timestampOrNull.optional().describe('Absent leaves it unchanged; null clears it'),
  skipReason: z.string().max(500).nullable().optional().describe('Absent leaves it unchanged; null clears it'),
  baseVersion: versionSchema.optional().describe('The version this write is based on (or send If-Match); 0 means "must not exist yet"'),
  derivedFrom: derivedFromSchema.optional().describe('Versions of the source steps this data was built from'),
});
export type UpsertStepBody = z.infer<typeof upsertStepBodySchema>;

/** JSON merge patch (RFC 7396) of a step: data is merged, null removes a key or clears a field. */
export const mergeStepBodySchema = z.object({
  data: z.record(z.string(), z.unknown(), { message: 'must be a JSON object (a merge patch)' }).optional(),
  completedAt: timestampOrNull.optional(),
  skipReason: z.string().max(500).nullable().optional(),
  baseVersion: versionSchema.optional(),
  derivedFrom: derivedFromSchema.optional(),
});
export type MergeStepBody = z.infer<typeof mergeStepBodySchema>;

export const skipStepBodySchema = z.object({ reason: z.string().trim().max(500).optional() }).optional();

export const stepParamsSchema = z.object({
  id: projectIdSchema,
  stepNumber: z.coerce.number().pipe(stageNumberSchema),
});

export const projectParamsSchema = z.object({ id: projectIdSchema });

export const versionMismatchDetailsSchema = z.object({ current: stepSchema.nullable() });
