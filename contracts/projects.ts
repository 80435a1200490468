import { z } from 'zod';
import { FIRST_STAGE, LAST_STAGE } from './stages.ts';

export const PROJECT_STATUSES = ['draft', 'in_progress', 'rendered', 'published'] as const;
export const projectStatusSchema = z.enum(PROJECT_STATUSES);

/**
 * A project id as it arrives in a path. PostgreSQL matches uuids in any case, but the app also
 * compares them as strings (job dedupe keys, asset ownership, grouped writes), so they are
 * lower-cased on the way in.
 */
export const projectIdSchema = z.uuid({ message: 'must be a project id (UUID)' }).toLowerCase();

export const stageNumberSchema = z
  .number({ message: `must be an integer from ${FIRST_STAGE} to ${LAST_STAGE}` })
  .int(`must be an integer from ${FIRST_STAGE} to ${LAST_STAGE}`)
  .min(FIRST_STAGE, `must be an integer from ${FIRST_STAGE} to ${LAST_STAGE}`)
  .max(LAST_STAGE, `must be an integer from ${FIRST_STAGE} to ${LAST_STAGE}`);

export const projectSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: projectStatusSchema,
  currentStage: z.number().int(),
  maxStage: z.number().int().describe('The furthest stage reached; any stage up to it can be opened'),
  summary: z.string().nullable().describe('A short summary of the source, once stage 1 or 2 has one'),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  purgeAt: z.string().nullable().describe('When a deleted project is removed for good'),
});
export type Project = z.infer<typeof projectSchema>;

export const createProjectBodySchema = z.object({ title: z.string().trim().min(1).max(200).optional() });
export const updateProjectBodySchema = z.object({ title: z.string().trim().min(1).max(200) });
export const changeStageBodySchema = z.object({ stage: stageNumberSchema });

export const listProjectsQuerySchema = z.object({
  status: projectStatusSchema.optional(),
  deleted: z.enum(['true', 'false']).optional().describe('true lists the recently deleted projects instead'),
  q: z.string().max(200).optional().describe('Text contained in the title'),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const PROJECT_WORK_STATES = ['rendering', 'ready', 'outdated'] as const;
export const projectWorkSchema = z.enum(PROJECT_WORK_STATES);
export type ProjectWork = z.infer<typeof projectWorkSchema>;

/** A project as the projects page shows it: what was made and how far it got. */
export const projectCardSchema = projectSchema.extend({
  stagesDone: z.number().int().describe('Stages completed or skipped'),
  stageCount: z.number().int(),
  work: projectWorkSchema
    .nullable()
    .describe('rendering: a render (or "make video") is running; ready: the latest video matches the script, voice and storyboard; outdated: they changed since; null: no video yet'),
  thumbnailUrl: z.string().nullable().describe("The latest render's thumbnail, else the first scene's picture"),
});
export type ProjectCard = z.infer<typeof projectCardSchema>;

export const listProjectCardsQuerySchema = listProjectsQuerySchema.omit({ deleted: true }).extend({
  work: projectWorkSchema.optional().describe('Only projects in this state'),
});
