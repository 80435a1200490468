import { FORMATS, SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import type { LibraryScript } from '../../../contracts/library.ts';
import type { GeneratedScript, SceneRole } from '../../../contracts/script.ts';
import type { Step } from '../../../contracts/steps.ts';
import { countWords, secondsForWords } from '../analysis/text-units.ts';
import { finaliseVariants, styleOf } from '../writers/offline/score.ts';

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** The scenes' texts as one text, a paragraph per scene (stage 2's text and the library's search text). */
export const scriptText = (script: LibraryScript) => script.scenes.map((s) => s.text.replace(/\s+/g, ' ').trim()).join('\n\n');

export const totalWords = (script: LibraryScript) => script.scenes.reduce((sum, s) => sum + countWords(s.text), 0);

/** A role for every scene: the given one, else hook first, call to action last, body between. */
function roleAt(script: LibraryScript, index: number): SceneRole {
  return script.scenes[index]!.role ?? (index === 0 ? 'hook' : index === script.scenes.length - 1 ? 'cta' : 'body');
}

/**
 * Step 3's generated script for a library script: each scene has the library's text as its one
 * variant, scored as the offline writer scores its own.
 */
export function generatedFromLibrary(script: LibraryScript, title: string): GeneratedScript {
  const wps = SPEAKING_RATE_WPS[script.language];
  const scenes = script.scenes.map((scene, index) => {
    const id = `s${index + 1}`;
    const role = roleAt(script, index);
    const words = Math.max(1, countWords(scene.text));
    const variants = finaliseVariants(id, [{ style: styleOf(scene.text), text: scene.text, planned: true }], role, script.format, script.language, words, wps);
    return { id, role, targetWords: words, variants };
  });
  const words = totalWords(script);
  const seconds = secondsForWords(words, wps);
  return {
    language: script.language,
    format: script.format,
    targetSec: Math.max(5, Math.round(seconds)),
    title,
    scenes,
    totalWords: words,
    totalSeconds: seconds,
    writer: 'library',
  };
}

/** The default length for producing a script: its speaking time, within the format's bounds. */
export const productionSeconds = (script: LibraryScript) => Math.min(600, Math.max(5, Math.round(secondsForWords(totalWords(script), SPEAKING_RATE_WPS[script.language]))));

/**
 * A project's stage-3 final script as a library script; null when stage 3 has no final script.
 * Language and format come from stage 1 (else the generated script).
 */
export function libraryScriptFromSteps(steps: Step[]): LibraryScript | null {
  const data = (n: number) => record(steps.find((s) => s.stepNumber === n)?.data);
  const final = record(data(3).finalScript);
  const scenes = Array.isArray(final.scenes) ? final.scenes.map(record) : [];
  const usable = scenes.filter((s) => typeof s.text === 'string' && s.text.trim());
  if (usable.length < 2 || usable.length !== scenes.length) return null;
  const generated = record(data(3).generatedVariants);
  const language = data(1).language ?? generated.language;
  const format = data(1).format ?? generated.format;
  return {
    language: language === 'ru' ? 'ru' : 'en',
    format: typeof format === 'string' && format in FORMATS ? (format as LibraryScript['format']) : 'hook-story',
    scenes: usable.map((s) => ({
      ...(s.role === 'hook' || s.role === 'body' || s.role === 'cta' ? { role: s.role } : {}),
      text: String(s.text).trim().slice(0, 1000),
    })),
  };
}
