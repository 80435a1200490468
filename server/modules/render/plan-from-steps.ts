import { formatSchema } from '../../../contracts/formats.ts';
import type { Aspect, Language } from '../../../contracts/formats.ts';
import { CARD_DESIGNS, CARD_PALETTE_IDS, captionStyleSchema } from '../../../contracts/render-plan.ts';
import type { QualityPreset, RenderPlan, Visual } from '../../../contracts/render-plan.ts';
import { stage1Schema, stage5Schema, stage6Schema, stage7Schema } from '../../../contracts/step-data.ts';
import type { Stage5Data, Stage6Data, StoryboardVisual } from '../../../contracts/step-data.ts';
import type { Step } from '../../../contracts/steps.ts';
import type { Asset } from '../../../contracts/assets.ts';
import type { AuthContext } from '../../http/router.ts';
import { narrationTimingsFor } from '../voice/narration-timings.ts';
import { readStage4 } from '../voice/stage4-state.ts';
import { cardStyleFor } from './card-style.ts';
import { FORMAT_TRANSITIONS, automaticMotion } from './scene-motion.ts';
import { matchPictures } from './picture-match.ts';
import type { PictureChoice } from './picture-match.ts';
import { musicPlan } from './music-track.ts';
import { resolveMusic } from '../music/music-choice.ts';
import { snapSceneTimings } from './plan-timeline.ts';
import { AppError } from '../../http/errors.ts';
import { RenderPlanError } from './validate-plan.ts';
import type { PlanIssue } from './validate-plan.ts';

export interface RenderSettings {
  aspect?: Aspect;
  quality?: QualityPreset;
}

export interface PlanDeps {
  steps: { list(user: AuthContext, projectId: string): Promise<Step[]> };
  assets: { fileOf(ownerId: string, id: string): Promise<{ asset: Asset; path: string }> };
  /** The article's pictures fit to show (the storyboard's import), for scenes the author left automatic. */
  pictures?: (ownerId: string, projectId: string) => Promise<PictureChoice[]>;
}

export interface ProjectRenderPlan {
  /** Complete (every default filled in); still to be validated against the files it names. */
  plan: RenderPlan;
  language: Language;
  /** 'narration': timed by step 4's audio; 'reading-speed': no narration, captions by reading speed. */
  timingSource: 'narration' | 'reading-speed';
  scenes: Array<{ sceneId: string; text: string }>;
  /** The script as spoken, one scene per paragraph (the "script .txt" download). */
  scriptText: string;
  durationSec: number;
}

export interface PlanOverrides {
  /** A storyboard not saved yet (stage 6 previews a draft); step 6 as saved otherwise. */
  storyboard?: Stage6Data;
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** A stable palette per project, so every render of one project looks the same. */
function projectPalette(projectId: string): (typeof CARD_PALETTE_IDS)[number] {
  let hash = 0;
  for (const char of projectId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return CARD_PALETTE_IDS[hash % CARD_PALETTE_IDS.length]!;
}

/**
 * The render plan of a project from its steps: scenes timed by the narration (step 4) or by
 * reading speed when there is none, each scene's visual from the storyboard (step 6) or a
 * generated card with its key words, music and caption style from step 6, the avatar clip from
 * step 5 (full frame or corner), aspect and quality from `settings`, else step 7's settings.
 * Throws RenderPlanError naming the step field when something the plan needs is missing.
 */
export async function buildRenderPlanForProject(
  deps: PlanDeps,
  ownerId: string,
  projectId: string,
  settings: RenderSettings = {},
  overrides: PlanOverrides = {},
): Promise<ProjectRenderPlan> {
  const steps = await deps.steps.list({ userId: ownerId, via: 'token' }, projectId);
  const byNumber = (n: number) => steps.find((s) => s.stepNumber === n);
  const issues: PlanIssue[] = [];
  const resolve = async (assetId: string, field: string, wanted: 'audio' | 'image' | 'video'): Promise<{ path: string; asset: Asset } | null> => {
    try {
      const file = await deps.assets.fileOf(ownerId, assetId);
      if (!file.asset.mime.startsWith(`${wanted}/`)) {
        issues.push({ path: field, message: `asset ${assetId} is ${file.asset.mime}, not ${wanted}` });
        return null;
      }
      return file;
    } catch (error) {
      const missingFile = error instanceof AppError && error.code === 'NOT_FOUND' && error.message.includes('missing from the media store');
      issues.push({ path: field, message: missingFile ? error.message : `asset ${assetId} not found (deleted?)` });
      return null;
    }
  };

  const timings = narrationTimingsFor(steps);
  if (timings.segments.length === 0) {
    throw new RenderPlanError([{ path: 'step3.finalScript.scenes', message: 'the project has no script to render yet: finish stage 3' }]);
  }
  const state = readStage4(steps);
  const narrated = timings.source === 'narration' ? record(state.audio?.narratedText) : {};
  const scriptScenes = state.script && !state.scriptStale ? state.script.scenes : (state.finalScript?.scenes ?? state.script?.scenes ?? []);
  const textOf = (sceneId: string, words: Array<{ word: string }>) => {
    const heard = narrated[sceneId];
    if (typeof heard === 'string' && heard.trim()) return heard.trim();
    return scriptScenes.find((s) => s.id === sceneId)?.text.trim() ?? words.map((w) => w.word).join(' ');
  };

  const timed = snapSceneTimings(timings.segments, timings.durationSec);
  const storyboard = overrides.storyboard ?? stage6Schema.safeParse(byNumber(6)?.data ?? {}).data ?? {};
  const storyboardScenes = new Map((storyboard.scenes ?? []).map((scene, index) => [scene.sceneId, { scene, index }]));
  const avatar = await avatarClip(stage5Schema.safeParse(byNumber(5)?.data ?? {}).data ?? {}, byNumber(5), resolve);
  const palette = projectPalette(projectId);
  const format = formatSchema.safeParse(record(byNumber(1)?.data).format);
  const transition = FORMAT_TRANSITIONS[format.success ? format.data : 'explainer'];

  const texts = timed.map((scene) => textOf(scene.sceneId, scene.words));
  const automatic = timed.map((scene) => !storyboardScenes.get(scene.sceneId)?.scene.visual);
  const pictures = deps.pictures ? await deps.pictures(ownerId, projectId) : [];
  const matched = matchPictures(texts.map((text, i) => (automatic[i] ? text : null)), pictures);

  const scenes = await Promise.all(
    timed.map(async (scene, i) => {
      const text = texts[i]!;
      const chosen = storyboardScenes.get(scene.sceneId);
      const field = `step6.scenes[${chosen?.index ?? i}].visual`;
      const picture = automatic[i] ? matched.get(i) : undefined;
      const fallback: Visual = picture
        ? { kind: 'image', path: picture.path }
        : { kind: 'card', design: CARD_DESIGNS[i % CARD_DESIGNS.length]!, palette, ...cardStyleFor(text, format.success ? format.data : undefined, i, timed.length) };
      let visual = chosen?.scene.visual ? ((await visualFor(chosen.scene.visual, field, resolve)) ?? fallback) : fallback;
      if (avatar?.placement === 'full') {
        const clipSec = typeof avatar.asset.meta.durationSec === 'number' ? avatar.asset.meta.durationSec : Infinity;
        visual = { kind: 'video', path: avatar.path, startAtSec: Math.max(0, Math.min(scene.start, clipSec - 0.1)), audio: 'muted' };
      }
      return {
        sceneId: scene.sceneId,
        start: scene.start,
        end: scene.end,
        text,
        visual,
        motion: avatar?.placement === 'full' ? ('none' as const) : (chosen?.scene.motion ?? automaticMotion(visual, i)),
        transition: chosen?.scene.transition ?? transition,
      };
    }),
  );

  const narration = timings.audioAssetId ? await resolve(timings.audioAssetId, 'step4.audio.assetId', 'audio') : null;
  const musicChoice = resolveMusic(storyboard.music, stage1Schema.safeParse(byNumber(1)?.data ?? {}).data?.format, scenes.map((s) => s.text).join(' '));
  const musicFile = musicChoice.kind === 'track' ? await resolve(musicChoice.assetId, 'step6.music.assetId', 'audio') : null;
  if (issues.length > 0) throw new RenderPlanError(issues);

  const savedSettings = stage7Schema.safeParse(byNumber(7)?.data ?? {}).data?.settings ?? {};
  const plan: RenderPlan = {
    output: { aspect: settings.aspect ?? savedSettings.aspect ?? '9:16', fps: 30, quality: settings.quality ?? savedSettings.quality ?? 'standard' },
    narration: narration ? { path: narration.path } : null,
    scenes,
    captions: {
      style: captionStyleSchema.parse(storyboard.captionStyle ?? {}),
      scenes: timed.map((scene) => ({ sceneId: scene.sceneId, words: scene.words })),
    },
    music: musicPlan(musicChoice, musicFile?.path, projectId),
    avatar: avatar?.placement === 'corner' ? { path: avatar.path, placement: 'corner' } : null,
  };
  return {
    plan,
    language: timings.language,
    timingSource: timings.source,
    scenes: scenes.map(({ sceneId, text }) => ({ sceneId, text })),
    scriptText: `${scenes.map((s) => s.text).join('\n\n')}\n`,
    durationSec: scenes[scenes.length - 1]!.end,
  };
}

type Resolve = (assetId: string, field: string, wanted: 'audio' | 'image' | 'video') => Promise<{ path: string; asset: Asset } | null>;

async function visualFor(visual: StoryboardVisual, field: string, resolve: Resolve): Promise<Visual | null> {
  switch (visual.kind) {
    case 'card':
      return { kind: 'card', design: visual.design ?? 'gradient', palette: visual.palette ?? 'midnight', keywords: (visual.keywords ?? []).filter((k) => k.trim()) };
    case 'image':
    case 'article-image': {
      const file = await resolve(visual.assetId, `${field}.assetId`, 'image');
      return file ? { kind: 'image', path: file.path } : null;
    }
    case 'video': {
      const file = await resolve(visual.assetId, `${field}.assetId`, 'video');
      if (!file) return null;
      // The clip's sound is used only when the file has some (probed at upload).
      const audio = visual.audio === 'original' && file.asset.meta.hasAudio === true ? 'original' : 'muted';
      const range = visual.endAtSec !== undefined ? { endAtSec: visual.endAtSec } : {};
      return { kind: 'video', path: file.path, startAtSec: visual.startAtSec ?? 0, ...range, audio };
    }
    case 'stock': {
      const file = await resolve(visual.assetId, `${field}.assetId`, visual.media === 'video' ? 'video' : 'image');
      if (!file) return null;
      return visual.media === 'video' ? { kind: 'video', path: file.path, startAtSec: 0, audio: 'muted' } : { kind: 'image', path: file.path };
    }
  }
}

/** Step 5's clip when it is ready and the stage was not skipped. */
async function avatarClip(data: Stage5Data, step: Step | undefined, resolve: Resolve) {
  if (!step || (step.skipReason && !step.completedAt)) return null;
  if (!data.clipAssetId || (data.status && data.status !== 'ready')) return null;
  const file = await resolve(data.clipAssetId, 'step5.clipAssetId', 'video');
  return file ? { ...file, placement: data.placement ?? 'corner' } : null;
}
