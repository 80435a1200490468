import { FORMATS, formatSchema, languageSchema, sourceTypeSchema } from '../../../contracts/formats.ts';
import { generatedScriptSchema, type GeneratedScene, type GeneratedScript, type WriteScriptInput } from '../../../contracts/script.ts';
import type { Step } from '../../../contracts/steps.ts';
import { detectLanguage } from '../sources/language.ts';

export class ScriptInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScriptInputError';
  }
}

const dataOf = (steps: Step[], stepNumber: number): Record<string, unknown> => steps.find((s) => s.stepNumber === stepNumber)?.data ?? {};
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** What the writer gets from stages 1 and 2: the stage-2 text (else the idea), language, format, length. */
export function scriptInputFromSteps(steps: Step[]): WriteScriptInput {
  const source = dataOf(steps, 1);
  const content = dataOf(steps, 2);
  const body = text(content.text) || text(source.idea) || text(source.text);
  if (!body) throw new ScriptInputError('stage 2 has no text to write a script from; choose a source on stage 1 first');
  const title = text(content.title) || undefined;
  const language = languageSchema.safeParse(source.language ?? content.language);
  const analysisFormat = (content.analysis as { recommendedFormat?: unknown } | undefined)?.recommendedFormat;
  const format = formatSchema.safeParse(source.format ?? analysisFormat);
  const formatId = format.success ? format.data : 'hook-story';
  const target = Number(source.targetDurationSec);
  const sourceType = sourceTypeSchema.safeParse(source.sourceType);
  return {
    text: body,
    title,
    language: language.success ? language.data : detectLanguage(`${title ?? ''}\n${body}`),
    format: formatId,
    targetSec: Number.isInteger(target) && target >= 5 && target <= 600 ? target : FORMATS[formatId].defaultSec,
    sourceType: sourceType.success ? sourceType.data : undefined,
  };
}

/** The generated script stored in step 3, or null when there is none (or it is not one). */
export function storedScript(data: Record<string, unknown>): GeneratedScript | null {
  const parsed = generatedScriptSchema.safeParse(data.generatedVariants);
  return parsed.success ? parsed.data : null;
}

/** Whether the author has made any choice (pick, edit, own text) or saved a final script. */
export function hasChoices(data: Record<string, unknown>): boolean {
  const filled = (value: unknown) => typeof value === 'object' && value !== null && Object.keys(value).length > 0;
  return filled(data.selectedVariants) || filled(data.choices) || filled(data.finalScript);
}

/** The variant the author picked for a scene, if any. */
export function chosenVariantId(data: Record<string, unknown>, sceneId: string): string | null {
  const choice = (data.choices as Record<string, { variantId?: unknown }> | undefined)?.[sceneId]?.variantId;
  const selected = (data.selectedVariants as Record<string, unknown> | undefined)?.[sceneId];
  const id = typeof choice === 'string' ? choice : selected;
  return typeof id === 'string' ? id : null;
}

/**
 * A regenerated scene put back into the stored script: only that scene's variants change. The
 * variant the author picked is kept (first) so their choice still points at its text.
 */
export function withRegeneratedScene(script: GeneratedScript, scene: GeneratedScene, keepVariantId: string | null): GeneratedScript {
  const previous = script.scenes.find((s) => s.id === scene.id);
  const kept = previous?.variants.find((v) => v.id === keepVariantId && !scene.variants.some((n) => n.id === v.id));
  const updated = { ...scene, variants: kept ? [kept, ...scene.variants] : scene.variants };
  const scenes = script.scenes.map((s) => (s.id === scene.id ? updated : s));
  const best = scenes.map((s) => [...s.variants].sort((a, b) => b.score - a.score)[0]!);
  const totalWords = best.reduce((sum, v) => sum + v.words, 0);
  const totalSeconds = Math.round(best.reduce((sum, v) => sum + v.seconds, 0) * 10) / 10;
  return { ...script, scenes, totalWords, totalSeconds };
}
