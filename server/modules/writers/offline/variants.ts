import type { Language } from '../../../../contracts/formats.ts';
import { countWords } from '../../analysis/text-units.ts';
import { fragmentIn, furnitureIn } from './checks.ts';
import { compressSentence, isCompleteSentence } from './compress.ts';
import { PHRASES, pick } from './phrases.ts';
import type { BodyPlan, ScriptPlan } from './plan.ts';
import { compressed } from './plan.ts';
import type { Candidate } from './score.ts';
import { styleOf } from './score.ts';
import type { Sentence } from './sentences.ts';
import { byWeight } from './sentences.ts';

/*
 * Pass 6: variants are other selections and phrasings of the source, never wrappers around it:
 * a fuller or tighter form of the same sentences, the figure first where the sentences stand on
 * their own, another sentence in place of the weakest. Each is labelled by what it is (styleOf).
 */

const candidate = (text: string, planned = false): Candidate => ({ style: styleOf(text), text, planned });

/** Drops candidates that fail the sentence checks (pass 5 applied before anything is offered). */
export function passing(candidates: Candidate[], language: Language): Candidate[] {
  return candidates.filter((c) => !fragmentIn(c.text, language) && !furnitureIn(c.text));
}

const join = (sentences: readonly Sentence[]) => sentences.map((s) => s.text).join(' ');

/** Hook alternatives: the same sentence fuller or tighter, then other early sentences (news: the first paragraph only). */
export function hookCandidates(plan: ScriptPlan, offset: number, taken: ReadonlySet<number>): Candidate[] {
  const { language, hook, pool } = plan;
  const original = pool.find((s) => s.index === hook.index)?.text ?? hook.text;
  const out: Candidate[] = offset === 0 ? [candidate(plan.hookText, true)] : [];
  const limits = [plan.hookTarget, Math.round(plan.hookTarget * 2), 10];
  // Regeneration (offset > 0) looks further into the story for other openings.
  const reach = (plan.format === 'news' || plan.grave ? 1 : 3) + offset;
  const early = pool.filter((s) => s.index !== hook.index && !taken.has(s.index) && !s.dependent && s.words >= 6 && s.paragraph <= reach).sort(byWeight);
  const others = [...early].slice(0, 6 + 2 * offset);
  const rotate = <T>(list: T[]): T[] => (list.length === 0 ? list : [...list.slice(offset % list.length), ...list.slice(0, offset % list.length)]);
  for (const limit of rotate(limits)) out.push(candidate(compressSentence(original, language, limit)));
  for (const s of rotate(others)) out.push(candidate(compressed(s, language, Math.round(plan.hookTarget * 1.5)).text));
  const figureFirst = others.find((s) => s.figure && /^\S*\p{N}/u.test(s.text));
  if (figureFirst) out.push(candidate(figureFirst.text));
  return passing(out, language);
}

/** Body alternatives for one scene; `taken` are sentences other scenes (and the hook) use. */
export function bodyCandidates(plan: ScriptPlan, body: BodyPlan, offset: number, taken: ReadonlySet<number>): Candidate[] {
  const { language } = plan;
  const selection = body.sentences;
  const out: Candidate[] = offset === 0 && selection.length > 0 ? [candidate(join(selection), true)] : [];
  const originals = selection.map((s) => plan.pool.find((p) => p.index === s.index) ?? s);
  // Fuller and tighter phrasings of the same sentences.
  out.push(candidate((join(originals.map((s) => compressed(s, language, Math.max(8, Math.round(body.targetWords * 1.3))))))));
  out.push(candidate((join(originals.map((s) => ({ ...s, text: compressSentence(s.text, language, Math.max(6, Math.round(body.targetWords / Math.max(1, selection.length) * 0.7))) }))))));
  // The figure first, when no sentence leans on the one before it.
  const figured = selection.find((s) => s.figure);
  if (figured && selection[0] !== figured && selection.every((s) => !s.dependent)) out.push(candidate((join([figured, ...selection.filter((s) => s !== figured)]))));
  // Other sentences of the source, nearest first to where the scene sits.
  const anchor = selection[0]?.index ?? 0;
  const spare = plan.pool
    .filter((s) => !taken.has(s.index) && !selection.some((c) => c.index === s.index) && !s.dependent && s.words >= 5 && !/^["«“][^"»”]+["»”][.!?…]?$/u.test(s.text))
    .sort((a, b) => Math.abs(a.index - anchor) - Math.abs(b.index - anchor) || a.index - b.index);
  const limit = Math.max(10, Math.round(body.targetWords * 1.2));
  for (let k = 0; k < 3 + offset && spare.length > 0; k++) {
    const first = spare[(offset * 3 + k) % spare.length]!;
    const swap = compressed(first, language, limit);
    if (!isCompleteSentence(swap.text, language)) continue;
    const kept = selection.length > 1 ? [...selection].sort(byWeight).slice(0, selection.length - 1) : [];
    const fill = [...kept, swap].sort((a, b) => a.index - b.index);
    if (countWords(join(fill)) <= body.targetWords * 1.6) out.push(candidate((join(fill))));
  }
  // List points are numbered after the checks: "Number one." is a label, not a sentence to check.
  const ordinal = body.listIndex === null ? '' : `${pick(PHRASES[language].ordinals, body.listIndex)} `;
  return passing(out, language).map((c) => ({ ...c, text: `${ordinal}${c.text}` }));
}

/** Closes: sober on grave subjects, the format's own otherwise. */
export function closeCandidates(plan: Pick<ScriptPlan, 'language' | 'format' | 'grave'>, offset: number): Candidate[] {
  const phrases = PHRASES[plan.language].close;
  if (plan.grave) return [0, 1, 2].map((k) => ({ style: 'plain' as const, text: pick(phrases.sober, offset * 3 + k), planned: k === 0 && offset === 0 }));
  return [0, 1, 2].map((k) => ({ ...pick(phrases.byFormat[plan.format], offset * 3 + k), planned: k === 0 && offset === 0 }));
}
