import { z } from 'zod';

/** POST /api/projects/:id/make: the render settings of the video the fast path makes (saved ones otherwise). */
export const makeVideoBodySchema = z
  .object({
    aspect: z.enum(['9:16', '1:1', '16:9']).optional(),
    quality: z.enum(['draft', 'standard', 'high']).optional(),
  })
  .strict()
  .optional();
export type MakeVideoBody = z.infer<typeof makeVideoBodySchema>;

/**
 * The stages the video.make job reports, in order, with the share of the whole each one takes;
 * the job's step is "<key>" or "<key>: <detail of that stage's own job>".
 */
export const MAKE_STAGES = [
  { key: 'script', from: 0, to: 0.25 },
  { key: 'voice', from: 0.25, to: 0.5 },
  { key: 'storyboard', from: 0.5, to: 0.55 },
  { key: 'render', from: 0.55, to: 1 },
] as const;
export type MakeStage = (typeof MAKE_STAGES)[number]['key'];
