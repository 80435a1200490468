import type { Step } from '../../../contracts/steps.ts';
import type { Stage4Script } from '../../../contracts/voice-api.ts';
import type { VoiceSettings } from '../../../contracts/voice.ts';
import type { SceneChoice } from '../script/final-script.ts';
import { chosenVariantId, storedScript } from '../script/script-input.ts';
import { readStage4 } from '../voice/stage4-state.ts';

/* What the fast path still has to do, read from the steps: each question looks at content, not at dates. */

/** The offline writer's marked places to fill in: "[add a fact: ...]", "[добавьте факт: ...]". */
const hasPlaceToFillIn = (text: string) => /\[[^\]]{3,}\]/u.test(text);

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** A new script is needed when there is none, or the content it was written from changed since. */
export function needsNewScript(steps: Step[]): boolean {
  const step3 = steps.find((s) => s.stepNumber === 3);
  return !step3 || !storedScript(step3.data) || step3.staleSources.includes(2);
}

/**
 * The author's choice for every scene, and for a scene without one the variant the writer scored
 * highest (the first of equal scores); own texts are kept.
 */
export function bestChoices(step3Data: Record<string, unknown>): Record<string, SceneChoice> {
  const script = storedScript(step3Data);
  if (!script) return {};
  const own = record(step3Data.choices);
  return Object.fromEntries(
    script.scenes.map((scene) => {
      const text = record(own[scene.id]).text;
      const picked = chosenVariantId(step3Data, scene.id);
      const known = picked && scene.variants.some((v) => v.id === picked) ? picked : null;
      // A video never says "[add a fact: ...]": a place to fill in is not chosen for the author,
      // and a scene that is nothing else is left out.
      const best = [...scene.variants].filter((v) => !hasPlaceToFillIn(v.text)).sort((a, b) => b.score - a.score)[0];
      const ownText = typeof text === 'string' && text.trim() ? { text } : {};
      if (!known && !best && !ownText.text) return [scene.id, { omit: true }];
      const choice: SceneChoice = { ...(known ?? best ? { variantId: (known ?? best!.id) } : {}), ...ownText };
      return [scene.id, choice];
    }),
  );
}

/** Stage 4 needs (a new) copy of the final script when it has none or stage 3 moved on since. */
export function needsScriptCopy(steps: Step[]): boolean {
  const state = readStage4(steps);
  return state.finalScript !== null && (state.script === null || state.scriptStale);
}

/** Stage 4's copy of step 3's final script, with the voice it already has (or the language's default). */
export function stage4Copy(steps: Step[]): { script: Stage4Script; voice: VoiceSettings } {
  const state = readStage4(steps);
  const step3 = steps.find((s) => s.stepNumber === 3)!;
  const scenes = (record(step3.data.finalScript).scenes as Array<{ id: string; text: string; role?: string }> | undefined) ?? [];
  return {
    script: { scenes, sourceVersion: step3.version, base: scenes.map(({ id, text }) => ({ id, text })) },
    voice: state.voice,
  };
}

/**
 * Narration is needed unless the stored audio voices exactly the current script with the chosen
 * voice; the author's own recording is never replaced.
 */
export function needsNarration(steps: Step[]): boolean {
  const state = readStage4(steps);
  if (state.audio?.source === 'own') return false;
  if (!state.audio || !state.script) return true;
  const narrated = state.audio.narratedText;
  const sameText = state.script.scenes.every((scene) => narrated[scene.id] === scene.text) && Object.keys(narrated).length === state.script.scenes.length;
  const sameVoice = !state.audio.voice || (state.audio.voice.provider === state.voice.provider && state.audio.voice.voiceId === state.voice.voiceId);
  return !sameText || !sameVoice;
}
