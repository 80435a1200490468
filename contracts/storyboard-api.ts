import { z } from 'zod';
import { musicChoiceSchema, musicMoodSchema } from './music.ts';
import { projectIdSchema } from './projects.ts';
import { assetSchema } from './assets.ts';
import { aspectSchema } from './formats.ts';
import { captionStyleSchema, cardDesignSchema, cardPaletteSchema, motionSchema, transitionSchema } from './render-plan.ts';
import { storyboardVisualSchema } from './step-data.ts';

/*
 * Stage 6 (storyboard) over HTTP: the storyboard as the screen shows it, per-scene changes,
 * article images and stock media fetched into the project, music, caption style and previews.
 * What is stored stays the step-6 shape of contracts/step-data.ts.
 */

const sceneId = z.string().min(1).max(200);

export const STOCK_MEDIA = ['photo', 'video'] as const;
export const stockMediaSchema = z.enum(STOCK_MEDIA);
export type StockMedia = z.infer<typeof stockMediaSchema>;

export const ORIENTATIONS = ['portrait', 'landscape', 'square'] as const;
export const orientationSchema = z.enum(ORIENTATIONS);
export type Orientation = z.infer<typeof orientationSchema>;

/** One stock photo or clip, as a results grid shows it. */
export const stockItemSchema = z.object({
  provider: z.literal('pexels'),
  id: z.string(),
  media: stockMediaSchema,
  width: z.number().int(),
  height: z.number().int(),
  /** A small picture for the grid (served by the provider). */
  thumbnailUrl: z.string(),
  /** Kept for attribution. */
  author: z.string(),
  authorUrl: z.string().nullable(),
  /** The item's page at the provider. */
  sourceUrl: z.string(),
  durationSec: z.number().nullable(),
  alt: z.string().nullable(),
});
export type StockItem = z.infer<typeof stockItemSchema>;

export const stockSearchQuerySchema = z.object({
  query: z.string().trim().min(1, 'enter what to search for').max(100),
  media: stockMediaSchema.default('photo'),
  /** Defaults to the orientation of the video's aspect. */
  orientation: orientationSchema.optional(),
  page: z.coerce.number().int().min(1).max(100).default(1),
  perPage: z.coerce.number().int().min(1).max(40).default(15),
});
export type StockSearchQuery = z.infer<typeof stockSearchQuerySchema>;

export const stockSearchResultSchema = z.object({
  provider: z.literal('pexels'),
  query: z.string(),
  media: stockMediaSchema,
  orientation: orientationSchema,
  page: z.number().int(),
  totalResults: z.number().int(),
  hasMore: z.boolean(),
  items: z.array(stockItemSchema),
});
export type StockSearchResult = z.infer<typeof stockSearchResultSchema>;

export const chooseStockBodySchema = z.object({
  provider: z.literal('pexels').default('pexels'),
  media: stockMediaSchema,
  id: z.string().regex(/^\d{1,20}$/, 'must be a Pexels id (digits)'),
});
export type ChooseStockBody = z.infer<typeof chooseStockBodySchema>;

export const chooseArticleImageBodySchema = z.object({ url: z.string().min(1).max(2048) });

/** A change to one scene: only the fields sent change; visual null goes back to the automatic card. */
export const sceneUpdateBodySchema = z
  .object({
    visual: storyboardVisualSchema.nullable().optional(),
    motion: motionSchema.optional(),
    transition: transitionSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one of visual, motion, transition');
export type SceneUpdateBody = z.infer<typeof sceneUpdateBodySchema>;

/** Music and caption style for the whole video; captionStyle fields are merged into the stored ones. */
export const storyboardSettingsBodySchema = z
  .object({
    /** An uploaded track (assetId) or a mood ('auto', 'off', calm...); null turns music off. */
    music: z
      .object({
        assetId: z.uuid({ message: 'must be a music asset id' }).optional(),
        mood: musicChoiceSchema.optional(),
        volume: z.number().min(0).max(1).optional(),
        duck: z.boolean().optional(),
      })
      .refine((music) => Object.keys(music).length > 0, 'send assetId, mood, volume and/or duck')
      .nullable()
      .optional(),
    captionStyle: captionStyleSchema.partial().optional(),
    /** The cover (thumbnail) as the frame of the video source at this second; null: a frame of the rendered video. */
    coverFromSourceSec: z.number().min(0).max(600).nullable().optional(),
  })
  .refine((body) => body.music !== undefined || body.captionStyle !== undefined || body.coverFromSourceSec !== undefined, 'send music, captionStyle and/or coverFromSourceSec');
export type StoryboardSettingsBody = z.infer<typeof storyboardSettingsBodySchema>;

export const sceneParamsSchema = z.object({ id: projectIdSchema, sceneId });

export const previewQuerySchema = z.object({
  /** A time on the video's timeline, in seconds... */
  t: z.coerce.number().min(0).max(6 * 3600).optional(),
  /** ...or a scene, whose midpoint is shown. */
  sceneId: sceneId.optional(),
  /** Output width of the PNG (the frame is rendered at full size, then scaled down). */
  width: z.coerce.number().int().min(90).max(1920).optional(),
});

export type PreviewQuery = z.infer<typeof previewQuerySchema>;

export const cardPreviewQuerySchema = z.object({
  design: cardDesignSchema,
  palette: cardPaletteSchema,
  text: z.string().max(300).default(''),
  aspect: aspectSchema.default('9:16'),
  /** Width of the small preview; its height follows the aspect. */
  width: z.coerce.number().int().min(60).max(540).default(180),
});

const visualAssetSchema = assetSchema.pick({ id: true, kind: true, mime: true, url: true, meta: true, originalName: true });

export const storyboardSceneViewSchema = z.object({
  sceneId,
  index: z.number().int(),
  text: z.string(),
  startSec: z.number(),
  durationSec: z.number(),
  /** The author's choice; null means the automatic generated card. */
  visual: storyboardVisualSchema.nullable(),
  /** The generated card the render draws when the author chose nothing (design by scene, palette by project). */
  automaticCard: z.object({ design: cardDesignSchema, palette: cardPaletteSchema }).nullable(),
  /** The file behind an image / video / article / stock visual. */
  asset: visualAssetSchema.nullable(),
  motion: motionSchema,
  transition: transitionSchema,
  /** Key words of the scene's text, proposed as card words and stock search terms. */
  keywords: z.array(z.string()),
});
export type StoryboardSceneView = z.infer<typeof storyboardSceneViewSchema>;

export const storyboardViewSchema = z.object({
  /** Version of step 6 (0 when nothing was saved yet) and whether the script or voice changed since. */
  version: z.number().int(),
  stale: z.boolean(),
  aspect: aspectSchema,
  /** Where scene durations come from: the narration, or reading speed when there is none. */
  timingSource: z.enum(['narration', 'reading-speed']),
  language: z.enum(['en', 'ru']),
  durationSec: z.number(),
  scenes: z.array(storyboardSceneViewSchema),
  /** The uploaded track under the voice, when the author chose one. */
  music: z
    .object({ assetId: z.string(), volume: z.number(), duck: z.boolean(), asset: visualAssetSchema.nullable() })
    .nullable(),
  /** The music choice ('auto' by default) and the mood of the music generated for it (null: off or a track). */
  musicMood: z.object({ choice: musicChoiceSchema, mood: musicMoodSchema.nullable(), volume: z.number(), duck: z.boolean() }),
  /** The caption style with every default filled in. */
  captionStyle: captionStyleSchema,
  /** Images of the source article (step 2), with the asset once fetched into the project. */
  articleImages: z.array(z.object({ url: z.string(), assetId: z.string().nullable() })),
  /** The automatic stock fill ran to the end once (by "Make video" or on opening the storyboard); it does not run again by itself. */
  stockFilled: z.boolean(),
  capabilities: z.object({
    /** The ffmpeg binary has xfade; without it a crossfade is rendered as a short fade through black. */
    crossfade: z.boolean(),
    stock: z.object({ provider: z.literal('pexels'), configured: z.boolean() }),
  }),
  options: z.object({
    designs: z.array(cardDesignSchema),
    palettes: z.array(z.object({ id: cardPaletteSchema, from: z.string(), to: z.string(), accent: z.string(), text: z.string() })),
    fonts: z.array(z.string()),
    motions: z.array(motionSchema),
    transitions: z.array(transitionSchema),
  }),
});
export type StoryboardView = z.infer<typeof storyboardViewSchema>;

/** What importing the article's pictures did: downloaded (or already there), fit to show, and why others were skipped. */
export const articlePicturesResultSchema = z.object({
  imported: z.number().int(),
  usable: z.number().int(),
  skipped: z.array(z.string()),
});
export type ArticlePicturesResult = z.infer<typeof articlePicturesResultSchema>;

/** The automatic stock fill: scenes that got a Pexels photo, and why others did not. */
export const stockFillResultSchema = z.object({
  configured: z.boolean(),
  filled: z.array(z.string()),
  skipped: z.array(z.string()),
});
export type StockFillResult = z.infer<typeof stockFillResultSchema>;
