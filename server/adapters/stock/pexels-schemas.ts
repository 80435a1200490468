import { z } from 'zod';

/*
 * The parts of Pexels API responses (https://www.pexels.com/api/documentation/) the app reads.
 * Loose: fields Pexels adds later are ignored, fields we rely on are checked.
 */

const url = z.string().min(1);
const dimension = z.number().int().min(0);

export const pexelsPhotoSchema = z.looseObject({
  id: z.number().int(),
  width: dimension,
  height: dimension,
  /** The photo's page on pexels.com. */
  url,
  photographer: z.string(),
  photographer_url: z.string().nullish(),
  alt: z.string().nullish(),
  src: z.looseObject({
    original: url,
    large2x: url.optional(),
    large: url.optional(),
    medium: url.optional(),
    small: url.optional(),
    portrait: url.optional(),
    landscape: url.optional(),
    tiny: url.optional(),
  }),
});
export type PexelsPhoto = z.infer<typeof pexelsPhotoSchema>;

export const pexelsVideoFileSchema = z.looseObject({
  link: url,
  width: dimension.nullish(),
  height: dimension.nullish(),
  quality: z.string().nullish(),
  file_type: z.string().nullish(),
  fps: z.number().nullish(),
});
export type PexelsVideoFile = z.infer<typeof pexelsVideoFileSchema>;

export const pexelsVideoSchema = z.looseObject({
  id: z.number().int(),
  width: dimension,
  height: dimension,
  url,
  /** A still of the clip. */
  image: z.string().nullish(),
  duration: z.number().min(0).nullish(),
  user: z.looseObject({ name: z.string(), url: z.string().nullish() }),
  video_files: z.array(pexelsVideoFileSchema),
  video_pictures: z.array(z.looseObject({ picture: url })).nullish(),
});
export type PexelsVideo = z.infer<typeof pexelsVideoSchema>;

const page = {
  page: z.number().int(),
  per_page: z.number().int(),
  total_results: z.number().int(),
  next_page: z.string().nullish(),
};

export const pexelsPhotoSearchSchema = z.looseObject({ ...page, photos: z.array(pexelsPhotoSchema) });
export const pexelsVideoSearchSchema = z.looseObject({ ...page, videos: z.array(pexelsVideoSchema) });
