import { z } from 'zod';

/**
 * Why a job failed, as a stable code a screen words in its own language (the job's `error` keeps
 * the English sentence for API users). Values the sentence names go in errorParams.
 */
export const JOB_FAILURE_CODES = [
  'VOICE_KEY_REFUSED',
  'VOICE_FAILED',
  'VOICE_NO_SCRIPT',
  'VOICE_UNKNOWN_SCENES',
  'AVATAR_NOT_CHOSEN',
  'AVATAR_VOICE_NOT_CHOSEN',
  'AVATAR_PROVIDER_FAILED',
  'AVATAR_NO_LINK',
  'SCRIPT_EMPTY',
  'NO_NARRATION',
  'SCRIPT_CHOICES_MADE',
  'SCRIPT_SCENE_MISSING',
  'SCRIPT_CHANGED',
  'RENDER_PLAN_INVALID',
  'RENDER_ENCODE_FAILED',
  'WORKER_STOPPED',
  'CANCELLED',
] as const;
export type JobFailureCode = (typeof JOB_FAILURE_CODES)[number];
export const jobFailureCodeSchema = z.enum(JOB_FAILURE_CODES);

export const jobFailureParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type JobFailureParams = z.infer<typeof jobFailureParamsSchema>;
