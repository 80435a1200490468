import type { StoryboardView } from './api/storyboard.ts';

/** The part of the storyboard a write or another tab changed: a scene id, or null for music and captions. */
export type StoryboardPart = string | null;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const choiceOf = (scene: StoryboardView['scenes'][number] | undefined) => scene && { visual: scene.visual, motion: scene.motion, transition: scene.transition };
const settingsOf = (view: StoryboardView) => ({ music: view.music, musicMood: view.musicMood, captionStyle: view.captionStyle });

/** What differs between the storyboard a change was made on and the one stored since, in screen order. */
export function changedParts(base: StoryboardView, stored: StoryboardView): StoryboardPart[] {
  const parts: StoryboardPart[] = stored.scenes
    .filter((scene) => !same(choiceOf(scene), choiceOf(base.scenes.find((s) => s.sceneId === scene.sceneId))))
    .map((scene) => scene.sceneId);
  if (!same(settingsOf(base), settingsOf(stored))) parts.push(null);
  return parts;
}

/** The dialog's lists: my part, their parts, and the part both changed. */
export function conflictParts(mine: StoryboardPart, theirs: StoryboardPart[]) {
  const both = theirs.includes(mine);
  return { mine: both ? [] : [mine], theirs: theirs.filter((part) => part !== mine), both: both ? [mine] : [] };
}
