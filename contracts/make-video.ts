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
