import type { ProfileRule, ProfileRuleKind } from '../../../contracts/factory.ts';
import type { GeneratedScene, GeneratedScript, ScriptVariant } from '../../../contracts/script.ts';
import { splitSentences } from '../analysis/text-units.ts';
import { type ChosenScene, hookRuleFailures } from '../writers/quality/script-checks.ts';

/*
 * The writing profile offline: keyword rules read a revision note or a rule's text (English and
 * Russian) as one of the kinds the writers can follow without an LLM, and those kinds decide which
 * of a scene's variants is used.
 */

const KIND_PATTERNS: Array<[ProfileRuleKind, RegExp]> = [
  ['no-question-hook', /(never|don'?t|do not|no|avoid|stop)\b.{0,40}\b(open|start|begin|lead|hook)\w*.{0,30}\bquestions?|\bno questions?\b.{0,20}\b(hook|opening|start)|(не|никогда|хватит).{0,40}(начина|откры).{0,30}вопрос|без вопрос.{0,20}(начал|хук|в начале)/iu],
  ['number-in-hook', /(always|give|put|include|lead with|start with|open with|use)\b.{0,40}\b(numbers?|figures?|statistics?|stats)|\b(numbers?|figures?)\b.{0,30}\b(hook|first|opening|start)|(всегда|дай|давай|нужн|начина).{0,40}(цифр|числ)|(цифр|числ).{0,30}(в начале|в хуке|первой фраз|сразу)/iu],
  ['shorter', /\b(shorter|too long|cut it|tighter|fewer words|less words|trim)\b|(короче|слишком длин|сократи|сократить|покороче)/iu],
  ['longer', /\b(longer|too short|more detail|expand)\b|(длиннее|слишком корот|подробнее)/iu],
];

/** A rule's text as a kind the offline writer honours, or null (a free rule for an LLM). */
export function ruleKindOf(text: string): ProfileRuleKind | null {
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

const RULE_MARKERS = /\b(always|never|don'?t|do not|avoid|no more|stop|prefer|keep|make it|use)\b|(всегда|никогда|не надо|не нужно|избегай|хватит|делай|используй)/iu;

/** The sentences of a note that state a lasting rule ("never open with a question"), not a one-off fix. */
export function rulesFromNotes(notes: string): string[] {
  const sentences = splitSentences(notes.replace(/\s*\n+\s*/g, '. ')).map((s) => s.trim().replace(/[.!]+$/u, ''));
  return sentences.filter((s) => s.length >= 6 && s.length <= 300 && (ruleKindOf(s) !== null || RULE_MARKERS.test(s)));
}

export const kindsOf = (rules: readonly Pick<ProfileRule, 'kind'>[]): ProfileRuleKind[] => [...new Set(rules.map((r) => r.kind).filter((k): k is ProfileRuleKind => k !== null))];

/** Narrows `list` with `keep` unless nothing would be left. */
const prefer = <T>(list: T[], keep: (item: T) => boolean): T[] => {
  const kept = list.filter(keep);
  return kept.length ? kept : list;
};

/** The variant of a scene the profile picks: the best-scored one that keeps the rules. */
export function pickVariant(scene: GeneratedScene, kinds: readonly ProfileRuleKind[], avoidText?: string): ScriptVariant {
  let list = [...scene.variants].sort((a, b) => b.score - a.score);
  if (avoidText !== undefined) list = prefer(list, (v) => v.text.trim() !== avoidText.trim());
  if (scene.role === 'hook') list = prefer(list, (v) => hookRuleFailures(v.text, kinds).length === 0 && !(kinds.includes('no-question-hook') && v.style === 'question'));
  if (kinds.includes('shorter')) list = [...list].sort((a, b) => a.words - b.words);
  else if (kinds.includes('longer')) list = [...list].sort((a, b) => b.words - a.words);
  return list[0]!;
}

export function chooseScenes(script: GeneratedScript, kinds: readonly ProfileRuleKind[]): ChosenScene[] {
  return script.scenes.map((scene) => ({ id: scene.id, role: scene.role, text: pickVariant(scene, kinds).text.replace(/\s+/g, ' ').trim() }));
}

/** What an LLM writer is told: the author's rules, the tone notes and (on a retry) what failed. */
export function guidanceFor(rules: readonly Pick<ProfileRule, 'text'>[], toneNotes: string, failures: readonly string[] = []): string[] {
  return [
    ...rules.map((r) => r.text),
    ...(toneNotes.trim() ? [`Tone: ${toneNotes.trim()}`] : []),
    ...(failures.length ? [`The previous attempt failed these checks, fix them: ${failures.join('; ')}`] : []),
  ].slice(0, 20);
}
