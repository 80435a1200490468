import { SPEAKING_RATE_WPS } from '../../../../contracts/formats.ts';
import type { Language } from '../../../../contracts/formats.ts';
import type { GeneratedScene, GeneratedScript, ScriptVariant, WriteScriptInput } from '../../../../contracts/script.ts';
import { generatedScriptSchema } from '../../../../contracts/script.ts';
import type { WriterKind } from '../../../../contracts/writer.ts';
import { LlmError } from '../../../adapters/llm/llm-error.ts';
import { countWords, secondsForWords } from '../../analysis/text-units.ts';
import type { ScenePlan } from '../scene-budget.ts';
import type { ScriptDraft } from './llm-schemas.ts';

/** A model's script draft as a contract script, and the rules it must meet before it is saved. */

const LENGTH_TOLERANCE = 0.15;

interface VariantDraft {
  style: ScriptVariant['style'];
  text: string;
  score: number;
}

export function toVariants(sceneId: string, drafts: VariantDraft[], language: Language, firstIndex = 1): ScriptVariant[] {
  const seen = new Set<string>();
  return drafts
    .map((d) => ({ ...d, text: d.text.replace(/\s+/g, ' ').trim() }))
    .filter((d) => d.text && !seen.has(d.text) && seen.add(d.text))
    .sort((a, b) => b.score - a.score)
    .map((d, i) => {
      const words = countWords(d.text);
      return { id: `${sceneId}-v${firstIndex + i}`, style: d.style, text: d.text, words, seconds: secondsForWords(words, SPEAKING_RATE_WPS[language]), score: d.score };
    });
}

/** Roles fixed to hook...cta, ids assigned, words and seconds counted, then the contract schema. */
export function scriptFromDraft(draft: ScriptDraft, input: WriteScriptInput, plan: ScenePlan[], kind: WriterKind): GeneratedScript {
  const last = draft.scenes.length - 1;
  const scenes: GeneratedScene[] = draft.scenes.map((scene, i) => {
    const id = `s${i + 1}`;
    const role = i === 0 ? 'hook' : i === last ? 'cta' : 'body';
    const planned = plan[Math.min(i, plan.length - 1)]?.words ?? 10;
    return { id, role, targetWords: role === 'cta' ? (plan.at(-1)?.words ?? planned) : planned, variants: toVariants(id, scene.variants, input.language) };
  });
  const totalWords = scenes.reduce((sum, s) => sum + (s.variants[0]?.words ?? 0), 0);
  const script = {
    language: input.language,
    format: input.format,
    targetSec: input.targetSec,
    title: input.title?.trim() || (scenes[0]?.variants[0]?.text ?? ''),
    scenes,
    totalWords,
    totalSeconds: secondsForWords(totalWords, SPEAKING_RATE_WPS[input.language]),
    writer: kind,
  };
  const checked = generatedScriptSchema.safeParse(script);
  if (!checked.success) throw new LlmError('INVALID_OUTPUT', `the model's script is unusable: ${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`);
  return checked.data;
}

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Russian' };

/** Every rule the script breaks, each named so the model can fix it: language, length, scene count. */
export function scriptProblems(script: GeneratedScript, plan: readonly ScenePlan[], detect: (text: string) => Language): string[] {
  const problems: string[] = [];
  const best = script.scenes.map((s) => s.variants[0]?.text ?? '').join(' ');
  if (detect(best) !== script.language) problems.push(`the script must be written in ${LANGUAGE_NAMES[script.language]}`);
  const target = script.targetSec * SPEAKING_RATE_WPS[script.language];
  if (Math.abs(script.totalWords - target) > target * LENGTH_TOLERANCE) {
    problems.push(`the best variants total ${script.totalWords} words, but the script must be about ${Math.round(target)} words (±15%); make the scenes ${script.totalWords > target ? 'shorter' : 'longer'}`);
  }
  if (script.scenes.length !== plan.length) problems.push(`the script must have exactly ${plan.length} scenes (hook, ${plan.length - 2} body, call to action), not ${script.scenes.length}`);
  return problems;
}
