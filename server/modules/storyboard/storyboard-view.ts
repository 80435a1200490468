import type { Asset } from '../../../contracts/assets.ts';
import type { Aspect } from '../../../contracts/formats.ts';
import {
  CAPTION_FONTS,
  CARD_DESIGNS,
  CARD_PALETTES,
  CARD_PALETTE_IDS,
  DEFAULT_CAPTION_STYLE,
  MOTIONS,
  TRANSITIONS,
  captionStyleSchema,
  motionSchema,
  transitionSchema,
} from '../../../contracts/render-plan.ts';
import type { CaptionStyle, RenderScene } from '../../../contracts/render-plan.ts';
import { DEFAULT_MUSIC_VOLUME } from '../../../contracts/music.ts';
import { aspectSchema } from '../../../contracts/formats.ts';
import { stage1Schema, stage6Schema, storyboardSceneSchema } from '../../../contracts/step-data.ts';
import type { StoryboardVisual } from '../../../contracts/step-data.ts';
import type { StoryboardSceneView, StoryboardView } from '../../../contracts/storyboard-api.ts';
import type { Step } from '../../../contracts/steps.ts';
import type { NarrationTimingsResult } from '../../../contracts/voice-api.ts';
import { cardTextFromScene } from '../render/index.ts';
import { readStage4 } from '../voice/stage4-state.ts';
import { resolveMusic } from '../music/music-choice.ts';

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const round = (n: number) => Math.round(n * 1000) / 1000;

export interface StoredScene {
  sceneId: string;
  visual?: StoryboardVisual;
  motion?: StoryboardSceneView['motion'];
  transition?: StoryboardSceneView['transition'];
}

/** Step 6's scene entries that parse; an entry another client broke is ignored, not fatal. */
export function storedScenes(step6: Step | undefined): StoredScene[] {
  const scenes = record(step6?.data).scenes;
  if (!Array.isArray(scenes)) return [];
  return scenes.flatMap((scene) => {
    const parsed = storyboardSceneSchema.safeParse(scene);
    if (!parsed.success) return [];
    const { sceneId, visual, motion, transition } = parsed.data;
    return [{ sceneId, visual, motion, transition }];
  });
}

/** The aspect of the video: stage 7's setting once chosen, 9:16 until then. */
export function aspectOf(steps: Step[]): Aspect {
  const settings = record(record(steps.find((s) => s.stepNumber === 7)?.data).settings);
  const parsed = aspectSchema.safeParse(settings.aspect);
  return parsed.success ? parsed.data : '9:16';
}

/** The scene text the author hears: what was narrated, else the current script. */
export function sceneTexts(steps: Step[]): Map<string, string> {
  const state = readStage4(steps);
  const scenes = state.script && !state.scriptStale ? state.script.scenes : (state.finalScript?.scenes ?? state.script?.scenes ?? []);
  const texts = new Map(scenes.map((scene) => [scene.id, scene.text]));
  for (const [id, text] of Object.entries(state.audio?.narratedText ?? {})) texts.set(id, text);
  return texts;
}

/** Step 6's caption style over the defaults; invalid stored fields fall back to the default. */
export function captionStyleOf(step6: Step | undefined): CaptionStyle {
  const stored = record(record(step6?.data).captionStyle);
  const style: Record<string, unknown> = { ...DEFAULT_CAPTION_STYLE };
  const shape = captionStyleSchema.shape;
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in shape)) continue;
    const field = shape[key as keyof typeof shape].safeParse(value);
    if (field.success) style[key] = field.data;
  }
  return style as CaptionStyle;
}

export function musicOf(step6: Step | undefined): { assetId: string; volume: number; duck: boolean } | null {
  const parsed = stage6Schema.shape.music.safeParse(record(step6?.data).music);
  const music = parsed.success ? parsed.data : null;
  if (!music?.assetId) return null;
  return { assetId: music.assetId, volume: music.volume ?? 0.2, duck: music.duck ?? true };
}

function musicMoodOf(steps: Step[], step6: Step | undefined, scriptText: string): StoryboardView['musicMood'] {
  const stored = stage6Schema.shape.music.safeParse(record(step6?.data).music);
  const format = stage1Schema.safeParse(steps.find((s) => s.stepNumber === 1)?.data ?? {}).data?.format;
  const resolved = resolveMusic(stored.success ? stored.data : undefined, format, scriptText);
  const level = resolved.kind === 'off' ? { volume: DEFAULT_MUSIC_VOLUME, duck: true } : { volume: resolved.volume, duck: resolved.duck };
  return { choice: resolved.choice, mood: resolved.kind === 'generated' ? resolved.mood : null, ...level };
}

export function articleImageUrls(steps: Step[]): string[] {
  const images = record(steps.find((s) => s.stepNumber === 2)?.data).images;
  if (!Array.isArray(images)) return [];
  const urls = images.map((image) => record(image).url).filter((url): url is string => typeof url === 'string' && /^https?:\/\//i.test(url));
  return [...new Set(urls)];
}

export interface ViewInput {
  steps: Step[];
  timings: NarrationTimingsResult;
  /** Assets by id: those scene visuals and music point at (missing ones were deleted). */
  assets: Map<string, Asset>;
  articleAssets: Map<string, string>;
  crossfade: boolean;
  stockConfigured: boolean;
  /** The render plan's scenes without the author's choices: contiguous timings and the automatic cards. */
  planScenes: Map<string, Pick<RenderScene, 'start' | 'end' | 'visual' | 'motion' | 'transition'>> | null;
}

const pickAsset = (asset: Asset | undefined) =>
  asset ? { id: asset.id, kind: asset.kind, mime: asset.mime, url: asset.url, meta: asset.meta, originalName: asset.originalName } : null;

/** The storyboard as the screen shows it: every scene of the script with its timing and choices. */
export function buildStoryboardView(input: ViewInput): StoryboardView {
  const { steps, timings, assets } = input;
  const step6 = steps.find((s) => s.stepNumber === 6);
  const stored = new Map(storedScenes(step6).map((scene) => [scene.sceneId, scene]));
  const texts = sceneTexts(steps);
  const scenes = timings.segments.map((segment, index): StoryboardSceneView => {
    const choice = stored.get(segment.sceneId);
    const text = texts.get(segment.sceneId) ?? '';
    const visual = choice?.visual ?? null;
    const planned = input.planScenes?.get(segment.sceneId);
    const timing = planned ?? segment;
    return {
      sceneId: segment.sceneId,
      index,
      text,
      startSec: round(timing.start),
      durationSec: round(Math.max(0, timing.end - timing.start)),
      visual,
      automaticCard: planned?.visual.kind === 'card' ? { design: planned.visual.design, palette: planned.visual.palette } : null,
      asset: visual && 'assetId' in visual ? pickAsset(assets.get(visual.assetId as string)) : null,
      motion: motionSchema.catch('none').parse(choice?.motion ?? planned?.motion),
      transition: transitionSchema.catch('cut').parse(choice?.transition ?? planned?.transition),
      keywords: [cardTextFromScene(text)].filter(Boolean),
    };
  });
  const music = musicOf(step6);
  return {
    version: step6?.version ?? 0,
    stale: Boolean(step6?.stale),
    aspect: aspectOf(steps),
    timingSource: timings.source,
    language: timings.language,
    durationSec: round(timings.durationSec),
    scenes,
    music: music ? { ...music, asset: pickAsset(assets.get(music.assetId)) } : null,
    musicMood: musicMoodOf(steps, step6, scenes.map((scene) => scene.text).join(' ')),
    captionStyle: captionStyleOf(step6),
    articleImages: articleImageUrls(steps).map((url) => ({ url, assetId: input.articleAssets.get(url) ?? null })),
    stockFilled: typeof record(step6?.data).stockFilledAt === 'string',
    capabilities: { crossfade: input.crossfade, stock: { provider: 'pexels', configured: input.stockConfigured } },
    options: {
      designs: [...CARD_DESIGNS],
      palettes: CARD_PALETTE_IDS.map((id) => ({ id, ...CARD_PALETTES[id] })),
      fonts: [...CAPTION_FONTS],
      motions: [...MOTIONS],
      transitions: [...TRANSITIONS],
    },
  };
}

/** Ids of every asset the storyboard points at. */
export function referencedAssetIds(step6: Step | undefined): string[] {
  const ids = storedScenes(step6).flatMap((scene) => (scene.visual && 'assetId' in scene.visual ? [scene.visual.assetId as string] : []));
  const music = musicOf(step6);
  return [...new Set(music ? [...ids, music.assetId] : ids)];
}
