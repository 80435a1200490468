import type { FinalScript } from '../../../contracts/step-data.ts';
import type { GeneratedScript } from '../../../contracts/script.ts';
import { countWords, secondsForWords } from '../analysis/text-units.ts';
import { ScriptError } from './script-error.ts';
import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';

export interface SceneChoice {
  /** The chosen variant id ("s2-v3"), or absent when the author wrote their own text. */
  variantId?: string;
  /** The author's own or edited text; wins over the variant's text. */
  text?: string;
  /** The scene is left out of the final script. */
  omit?: boolean;
}

/**
 * The stage-3 final script from the author's choices: every scene must have one (a variant id or
 * own text), otherwise INCOMPLETE_SELECTION names the scenes still missing.
 */
export function finalScriptFromChoices(
  script: GeneratedScript,
  choices: Record<string, SceneChoice>,
): FinalScript & { selectedVariants: Record<string, string>; totalWords: number; duration: number } {
  const missing = script.scenes.filter((s) => {
    const choice = choices[s.id];
    return !choice || (!choice.omit && !choice.text?.trim() && !choice.variantId);
  });
  if (missing.length > 0) {
    throw new ScriptError('INCOMPLETE_SELECTION', `choose a variant or write your own text for: ${missing.map((s) => s.id).join(', ')}`);
  }
  const kept = script.scenes.filter((scene) => !choices[scene.id]?.omit);
  if (kept.length === 0) throw new ScriptError('INCOMPLETE_SELECTION', 'every scene is left out: keep at least one');
  const selectedVariants: Record<string, string> = {};
  const scenes = kept.map((scene) => {
    const choice = choices[scene.id] ?? {};
    const variant = choice.variantId ? scene.variants.find((v) => v.id === choice.variantId) : undefined;
    if (choice.variantId && !variant && !choice.text?.trim()) {
      throw new ScriptError('UNKNOWN_VARIANT', `scene ${scene.id} has no variant "${choice.variantId}"`);
    }
    if (variant) selectedVariants[scene.id] = variant.id;
    return { id: scene.id, role: scene.role, text: (choice.text?.trim() || variant?.text || '').replace(/\s+/g, ' ') };
  });
  const totalWords = scenes.reduce((sum, s) => sum + countWords(s.text), 0);
  return { scenes, selectedVariants, totalWords, duration: secondsForWords(totalWords, SPEAKING_RATE_WPS[script.language]) };
}
