import { z } from 'zod';
import { aspectSchema } from './formats.ts';
import type { Aspect } from './formats.ts';
import { DEFAULT_MUSIC_VOLUME, musicMoodSchema } from './music.ts';

/*
 * The render plan: everything ffmpeg needs to produce the finished video, with no project or
 * database references left in it (paths are local files). Built by the render service from the
 * project's steps, validated in full (server/modules/render/validate-plan.ts) before ffmpeg starts.
 * Times are seconds on the output timeline, which starts at 0.
 */

export const OUTPUT_SIZES: Record<Aspect, { width: number; height: number }> = {
  '9:16': { width: 1080, height: 1920 },
  '1:1': { width: 1080, height: 1080 },
  '16:9': { width: 1920, height: 1080 },
};

export const RENDER_FPS = 30;

export const QUALITY_PRESETS = ['draft', 'standard', 'high'] as const;
export const qualityPresetSchema = z.enum(QUALITY_PRESETS);
export type QualityPreset = z.infer<typeof qualityPresetSchema>;

export const CARD_DESIGNS = ['gradient', 'stripes', 'grid', 'blocks', 'waves', 'spotlight'] as const;
export const cardDesignSchema = z.enum(CARD_DESIGNS);
export type CardDesign = z.infer<typeof cardDesignSchema>;

/** Card palettes: two background stops, an accent for shapes, the headline colour. */
export const CARD_PALETTES = {
  midnight: { from: '#0f172a', to: '#1e3a8a', accent: '#38bdf8', text: '#ffffff' },
  sunset: { from: '#7c2d12', to: '#db2777', accent: '#fbbf24', text: '#ffffff' },
  forest: { from: '#052e16', to: '#15803d', accent: '#a3e635', text: '#f7fee7' },
  ocean: { from: '#083344', to: '#0e7490', accent: '#5eead4', text: '#ffffff' },
  violet: { from: '#2e1065', to: '#7c3aed', accent: '#f0abfc', text: '#ffffff' },
  paper: { from: '#fef3c7', to: '#fde68a', accent: '#dc2626', text: '#1c1917' },
  mono: { from: '#0a0a0a', to: '#404040', accent: '#facc15', text: '#fafafa' },
} as const;
export type CardPaletteId = keyof typeof CARD_PALETTES;
export const CARD_PALETTE_IDS = Object.keys(CARD_PALETTES) as [CardPaletteId, ...CardPaletteId[]];
export const cardPaletteSchema = z.enum(CARD_PALETTE_IDS);

/** Family names of the bundled caption fonts (assets/fonts); each has Latin and Cyrillic. */
export const CAPTION_FONTS = ['Montserrat', 'Inter', 'Oswald', 'Playfair Display'] as const;
export const captionFontSchema = z.enum(CAPTION_FONTS);
export type CaptionFont = z.infer<typeof captionFontSchema>;

export const MOTIONS = ['none', 'zoom-in', 'zoom-out', 'pan-left', 'pan-right'] as const;
export const motionSchema = z.enum(MOTIONS);
export type Motion = z.infer<typeof motionSchema>;

/** 'slide' pushes the next scene in from the right (xfade slideleft); without xfade it is a fade through black. */
export const TRANSITIONS = ['cut', 'crossfade', 'fade', 'slide'] as const;
export const transitionSchema = z.enum(TRANSITIONS);
export type Transition = z.infer<typeof transitionSchema>;

const seconds = z.number().finite().min(0).max(6 * 3600);
const filePath = z.string().min(1).max(4096);
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #ffcc00');

export const CARD_LAYOUTS = ['centred', 'news', 'list', 'quote'] as const;
export type CardLayout = (typeof CARD_LAYOUTS)[number];

export const cardVisualSchema = z.object({
  kind: z.literal('card'),
  design: cardDesignSchema,
  palette: cardPaletteSchema,
  /** The words shown big on the card; empty means the scene's text is used. */
  keywords: z.array(z.string().min(1).max(60)).max(8),
  /** How the words sit: centred (default), a news band, a list number above them, or a quote. */
  layout: z.enum(CARD_LAYOUTS).optional(),
  /** The list number, or the quote's speaker. */
  tag: z.string().min(1).max(60).optional(),
});

export const imageVisualSchema = z.object({
  kind: z.literal('image'),
  path: filePath,
});

export const videoVisualSchema = z.object({
  kind: z.literal('video'),
  path: filePath,
  /** Where in the clip the scene starts; the clip is trimmed or looped to the scene's length. */
  startAtSec: seconds.default(0),
  /** Where the chosen part ends (optional): a part shorter than the scene is played again from startAtSec. */
  endAtSec: seconds.optional(),
  /** 'original': the clip's own sound plays in its scene (over the narration); the clip must have sound. */
  audio: z.enum(['muted', 'original']).default('muted'),
});

export const visualSchema = z.discriminatedUnion('kind', [cardVisualSchema, imageVisualSchema, videoVisualSchema]);
export type Visual = z.infer<typeof visualSchema>;
export type CardVisual = z.infer<typeof cardVisualSchema>;

export const renderSceneSchema = z.object({
  sceneId: z.string().min(1).max(200),
  start: seconds,
  end: seconds,
  text: z.string().max(5000),
  visual: visualSchema,
  motion: motionSchema.default('none'),
  /** How this scene comes in; ignored for the first scene. */
  transition: transitionSchema.default('cut'),
});
export type RenderScene = z.infer<typeof renderSceneSchema>;

export const captionWordSchema = z.object({ word: z.string().min(1).max(200), start: seconds, end: seconds });
export type CaptionWord = z.infer<typeof captionWordSchema>;

export const CAPTION_LOOKS = ['outline', 'box'] as const;

export const captionStyleSchema = z.object({
  font: captionFontSchema.default('Montserrat'),
  /** Font size in output pixels (as libass sizes it: ascender to descender); 140 gives capitals over 60 px at 1080x1920. */
  sizePx: z.number().int().min(16).max(300).default(140),
  colour: hexColour.default('#ffffff'),
  highlightColour: hexColour.default('#facc15'),
  outlineColour: hexColour.default('#000000'),
  /** Outline thickness in output pixels; 0 for none. */
  outline: z.number().min(0).max(20).default(6),
  position: z.enum(['bottom', 'middle', 'top']).default('bottom'),
  wordsPerLine: z.number().int().min(1).max(12).default(3),
  uppercase: z.boolean().default(false),
  /** 'outline': letters outlined in outlineColour; 'box': the line on a box of outlineColour. */
  look: z.enum(CAPTION_LOOKS).default('outline'),
});
export type CaptionStyle = z.infer<typeof captionStyleSchema>;
export const DEFAULT_CAPTION_STYLE: CaptionStyle = captionStyleSchema.parse({});

export const captionsSchema = z.object({
  style: captionStyleSchema.default(DEFAULT_CAPTION_STYLE),
  /** Word timings per scene, on the output timeline (stage 4's audio.segments carry them). */
  scenes: z.array(z.object({ sceneId: z.string().min(1).max(200), words: z.array(captionWordSchema) })),
});
export type Captions = z.infer<typeof captionsSchema>;

export const musicSchema = z
  .object({
    /** A music file (looped to the video's length)... */
    path: filePath.optional(),
    /** ...or music generated for this video from chord progressions in the mood (same seed, same music). */
    generate: z.object({ mood: musicMoodSchema, seed: z.number().int().min(0).max(2 ** 32 - 1) }).optional(),
    /** Linear gain of the music track, 0..1 (0.2 is about -14 dB). */
    volume: z.number().min(0).max(1).default(DEFAULT_MUSIC_VOLUME),
    /** Lower the music automatically while the narration speaks. */
    duck: z.boolean().default(true),
  })
  .refine((music) => (music.path === undefined) !== (music.generate === undefined), { message: 'give either path or generate', path: ['path'] });
export type Music = z.infer<typeof musicSchema>;

/**
 * A talking-head clip over the visuals, in a corner, from the start of the video (a full-frame
 * avatar is not this: it is every scene's visual). Its audio is not used: the narration is.
 */
export const avatarSchema = z.object({
  path: filePath,
  placement: z.literal('corner'),
});
export type Avatar = z.infer<typeof avatarSchema>;

export const renderPlanSchema = z.object({
  output: z.object({
    aspect: aspectSchema.default('9:16'),
    fps: z.literal(RENDER_FPS).default(RENDER_FPS),
    quality: qualityPresetSchema.default('standard'),
  }),
  /** The narration audio; null renders a silent video (or music only). */
  narration: z.object({ path: filePath }).nullable(),
  scenes: z.array(renderSceneSchema).min(1).max(200),
  captions: captionsSchema.nullable(),
  music: musicSchema.nullable().default(null),
  avatar: avatarSchema.nullable().default(null),
});

/** A plan as the caller writes it (defaults may be left out). */
export type RenderPlanInput = z.input<typeof renderPlanSchema>;
/** A plan with every default filled in. */
export type RenderPlan = z.output<typeof renderPlanSchema>;
