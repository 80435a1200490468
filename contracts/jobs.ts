import { z } from 'zod';
import { jobFailureCodeSchema, jobFailureParamsSchema } from './job-failures.ts';
import { MAX_SOURCE_TEXT_CHARS } from './text-limits.ts';

/** The closed set of jobs; each has one payload schema here and exactly one handler on the worker. */
export const JOB_NAMES = ['analysis.run', 'script.generate', 'voice.narrate', 'avatar.clip', 'render.video', 'video.make', 'feeds.fetch', 'feeds.schedule', 'factory.run', 'factory.schedule', 'maintenance.purge', 'batch.run', 'metrics.refresh', 'media.import'] as const;
export type JobName = (typeof JOB_NAMES)[number];
export const jobNameSchema = z.enum(JOB_NAMES);

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const TERMINAL_JOB_STATES: readonly JobState[] = ['succeeded', 'failed', 'cancelled'];

const projectJob = z.object({ projectId: z.uuid() });

export const JOB_PAYLOAD_SCHEMAS = {
  'script.generate': projectJob.extend({
    /** Regenerate only this scene; absent means the whole script. */
    sceneId: z.string().optional(),
    /** A full regeneration the author confirmed: their choices and final script are cleared. */
    replace: z.boolean().optional(),
  }),
  'voice.narrate': projectJob.extend({ sceneIds: z.array(z.string()).optional() }),
  /** Makes (or keeps following) stage 5's talking-head clip with the avatar provider. */
  'avatar.clip': projectJob,
  'analysis.run': projectJob.extend({
    text: z.string().max(MAX_SOURCE_TEXT_CHARS).optional(),
    title: z.string().max(500).optional(),
    baseVersion: z.number().int().min(0).optional(),
  }),
  'render.video': projectJob.extend({
    aspect: z.enum(['9:16', '1:1', '16:9']).default('9:16'),
    quality: z.enum(['draft', 'standard', 'high']).default('standard'),
  }),
  /** "Make video": the stages after the source, each as its own job, ending on a render. */
  'video.make': projectJob.extend({
    aspect: z.enum(['9:16', '1:1', '16:9']).optional(),
    quality: z.enum(['draft', 'standard', 'high']).optional(),
  }),
  'feeds.fetch': z.object({ feedId: z.uuid().optional() }),
  /** System job: enqueues a feeds.fetch for every feed due for a refresh. */
  'feeds.schedule': z.object({}),
  /** One content-factory run for the job's owner. */
  'factory.run': z.object({ trigger: z.enum(['schedule', 'manual']) }),
  /** System job: enqueues a factory.run for every author whose factory is on. */
  'factory.schedule': z.object({}),
  'maintenance.purge': z.object({}),
  /** Makes the projects of a batch one by one (and queues their videos). */
  'batch.run': z.object({ batchId: z.uuid() }),
  /** System job: reads YouTube and Instagram numbers for publications due for a refresh. */
  'metrics.refresh': z.object({}),
  /** A video/audio source: downloaded from `url` (or the uploaded `assetId`), then transcribed when a transcriber is configured. */
  'media.import': projectJob
    .extend({ url: z.string().max(2048).optional(), assetId: z.uuid().optional() })
    .refine((p) => Boolean(p.url) !== Boolean(p.assetId), { message: 'send either url or assetId' }),
} satisfies Record<JobName, z.ZodType>;

export type JobPayload<N extends JobName> = z.infer<(typeof JOB_PAYLOAD_SCHEMAS)[N]>;

/** A job id as it arrives in a path (GET /api/jobs/:jobId) or a tool call. */
export const jobIdSchema = z.uuid({ message: 'must be a job id (UUID)' });
export const jobParamsSchema = z.object({ jobId: jobIdSchema });

export const jobSchema = z.object({
  id: z.uuid(),
  name: jobNameSchema,
  projectId: z.uuid().nullable(),
  state: z.enum(JOB_STATES),
  progress: z.number().min(0).max(1),
  step: z.string().nullable().describe('What the job is doing now, e.g. "encoding"'),
  error: z.string().nullable(),
  errorCode: jobFailureCodeSchema.nullable().optional().describe('Why the job failed, as a stable code (see contracts/job-failures.ts); null when the failure has none'),
  errorParams: jobFailureParamsSchema.nullable().optional().describe('Values the failure names (provider, scene ids...)'),
  result: z.unknown(),
  attempts: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof jobSchema>;
