import { z } from 'zod';

/*
 * The parts of HeyGen API responses (https://docs.heygen.com/reference) the app reads. v2
 * endpoints answer {error, data}; v1 endpoints and the upload host answer {code, data, message}
 * with code 100 for success.
 */

const text = z.string();

export const heygenAvatarsSchema = z.looseObject({
  data: z.looseObject({
    avatars: z.array(
      z.looseObject({
        avatar_id: text,
        avatar_name: text.nullish(),
        gender: text.nullish(),
        preview_image_url: text.nullish(),
        preview_video_url: text.nullish(),
        default_voice_id: text.nullish(),
      }),
    ),
  }),
});

export const heygenVoicesSchema = z.looseObject({
  data: z.looseObject({
    voices: z.array(
      z.looseObject({
        voice_id: text,
        name: text.nullish(),
        language: text.nullish(),
        gender: text.nullish(),
        preview_audio: text.nullish(),
      }),
    ),
  }),
});

export const heygenUploadSchema = z.looseObject({
  code: z.number().optional(),
  data: z.looseObject({ id: text, file_type: text.nullish(), url: text.nullish() }),
});

export const heygenGenerateSchema = z.looseObject({ data: z.looseObject({ video_id: text }) });

export const heygenStatusSchema = z.looseObject({
  code: z.number().optional(),
  data: z.looseObject({
    id: text.nullish(),
    status: z.enum(['pending', 'waiting', 'processing', 'completed', 'failed']),
    video_url: text.nullish(),
    thumbnail_url: text.nullish(),
    duration: z.number().nullish(),
    error: z
      .looseObject({ code: z.union([z.number(), text]).nullish(), message: text.nullish(), detail: text.nullish() })
      .nullish(),
  }),
});
