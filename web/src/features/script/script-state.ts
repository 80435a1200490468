import type { GeneratedScene, GeneratedScript, ScriptVariant } from '../../../../contracts/script.ts';
import { countWords, isLanguage, speakingSeconds } from '../../lib/formats.ts';

export type { GeneratedScene, GeneratedScript, ScriptVariant };

/** The author's choice for one scene: a variant, a variant they edited, or their own text. */
export interface SceneChoice {
  variantId?: string | null;
  text?: string | null;
}
export type Choices = Record<string, SceneChoice>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The generated script in step 3, if it has the shape the constructor needs. */
export function scriptOf(data: Record<string, unknown> | undefined): GeneratedScript | null {
  const script = data?.generatedVariants;
  if (!isObject(script) || !Array.isArray(script.scenes) || !isLanguage(script.language)) return null;
  const scenesOk = script.scenes.every((s: unknown) => isObject(s) && typeof s.id === 'string' && Array.isArray(s.variants));
  return scenesOk ? (script as unknown as GeneratedScript) : null;
}

/** The offline writer marks places for the author to fill in with "[add a fact: ...]" when it had only an idea. */
export function hasPlaceholders(script: GeneratedScript): boolean {
  return script.scenes.some((scene) => scene.variants.some((v) => /\[[^\]]+\]/u.test(v.text)));
}

/** Choices as stored: `choices` wins, `selectedVariants` fills in scenes picked without it. */
export function choicesOf(data: Record<string, unknown> | undefined): Choices {
  const choices: Choices = {};
  const selected = isObject(data?.selectedVariants) ? data.selectedVariants : {};
  for (const [sceneId, variantId] of Object.entries(selected)) if (typeof variantId === 'string') choices[sceneId] = { variantId };
  const stored = isObject(data?.choices) ? data.choices : {};
  for (const [sceneId, choice] of Object.entries(stored)) {
    if (!isObject(choice)) continue;
    const variantId = typeof choice.variantId === 'string' ? choice.variantId : null;
    const text = typeof choice.text === 'string' ? choice.text : null;
    if (variantId || text !== null) choices[sceneId] = { variantId, text };
  }
  return choices;
}

export function variantOf(scene: GeneratedScene, choice: SceneChoice | undefined): ScriptVariant | undefined {
  return choice?.variantId ? scene.variants.find((v) => v.id === choice.variantId) : undefined;
}

/** The text a scene will be read with; null when the author has not chosen yet. */
export function sceneText(scene: GeneratedScene, choice: SceneChoice | undefined): string | null {
  if (choice?.text?.trim()) return choice.text.trim();
  return variantOf(scene, choice)?.text ?? null;
}

export interface ScriptTotals {
  words: number;
  seconds: number;
  chosen: number;
  scenes: number;
  complete: boolean;
  /** Within 15% of the target length. */
  onTarget: boolean;
}

export function totalsOf(script: GeneratedScript, choices: Choices): ScriptTotals {
  let words = 0;
  let chosen = 0;
  for (const scene of script.scenes) {
    const text = sceneText(scene, choices[scene.id]);
    if (text === null) continue;
    chosen++;
    words += countWords(text);
  }
  const seconds = speakingSeconds(words, script.language);
  return { words, seconds, chosen, scenes: script.scenes.length, complete: chosen === script.scenes.length, onTarget: Math.abs(seconds - script.targetSec) <= script.targetSec * 0.15 };
}

/** The merge patch that stores one scene's choice (null removes it). */
export function choicePatch(sceneId: string, choice: SceneChoice | null): Record<string, unknown> {
  if (!choice) return { choices: { [sceneId]: null }, selectedVariants: { [sceneId]: null } };
  const text = choice.text ?? null;
  return { choices: { [sceneId]: { variantId: choice.variantId ?? null, text } }, selectedVariants: { [sceneId]: choice.variantId ?? null } };
}

/** One merge patch storing several scenes' choices (null removes one). */
export function choicesPatch(changes: Record<string, SceneChoice | null>): Record<string, Record<string, unknown>> {
  const patch: Record<string, Record<string, unknown>> = { choices: {}, selectedVariants: {} };
  for (const [sceneId, choice] of Object.entries(changes)) {
    const one = choicePatch(sceneId, choice) as Record<string, Record<string, unknown>>;
    Object.assign(patch.choices!, one.choices);
    Object.assign(patch.selectedVariants!, one.selectedVariants);
  }
  return patch;
}

/** Choices in one shape (absent fields as null), so equal choices compare equal. */
export function normalChoices(choices: Choices): Choices {
  return Object.fromEntries(Object.entries(choices).map(([id, c]) => [id, { variantId: c.variantId ?? null, text: c.text ?? null }]));
}

/**
 * The choices with every scene the author has not decided yet on the variant the writer scored
 * highest (the first of equal scores), so a script can be taken as it is with one click.
 */
export function withBestPicks(script: GeneratedScript, choices: Choices): Choices {
  const filled: Choices = { ...choices };
  for (const scene of script.scenes) {
    // Any choice is the author's, "write my own" with nothing written yet included.
    if (filled[scene.id]) continue;
    const best = [...scene.variants].sort((a, b) => b.score - a.score)[0];
    if (best) filled[scene.id] = { variantId: best.id, text: null };
  }
  return filled;
}
