import type { VariantStyle } from '../../../contracts/script.ts';
import type { HookTemplate } from './patterns.ts';
import { pick } from './patterns.ts';
import type { ScriptContext } from './script-context.ts';
import { asClause, capitalise } from './script-context.ts';
import { styledExpansion } from './body-content.ts';
import type { PoolSentence } from './sentence-pool.ts';
import { findNumberPhrase } from './sentence-pool.ts';
import type { VariantCandidate } from './variant-score.ts';

export interface HookCore {
  /** The sentence or title the hook is built on. */
  claim: string;
  /** A figure to lead with, from the claim or a top-ranked sentence. */
  figure: string | null;
  /** The topic is itself a question ("Why cats sleep..."). */
  isQuestion: boolean;
}

const MARK = '\u0000';

/** The claim is capitalised where it starts a sentence in the template, lower-cased (names kept) elsewhere. */
function fill(template: HookTemplate, ctx: ScriptContext, core: HookCore): string {
  const clause = asClause(core.claim).replace(/\?$/, '');
  const shape = template(MARK, core.figure ?? '');
  const at = shape.indexOf(MARK);
  const startsSentence = at === 0 || /[.!?]\s$/.test(shape.slice(0, at));
  const claim = startsSentence ? capitalise(clause) : ctx.lowerFirst(clause);
  return capitalise(template(claim, core.figure ?? ''));
}

/** Hook variants, one per style; `offset` rotates to other wording of each style. */
export function hookCandidates(ctx: ScriptContext, core: HookCore, offset: number): VariantCandidate[] {
  const h = ctx.patterns.hook;
  const q = core.isQuestion;
  const bold = q ? h.boldForQuestion : ctx.format === 'hot-take' ? h.boldHotTake : h.bold;
  const candidates: VariantCandidate[] = [
    { style: 'question', text: fill(pick(q ? h.questionForQuestion : h.question, offset), ctx, core) },
    { style: 'bold', text: fill(pick(bold, offset), ctx, core) },
    { style: 'plain', text: fill(pick(q ? h.plainForQuestion : h.plain, offset), ctx, core) },
  ];
  if (core.figure && !q) candidates.push({ style: 'number', text: fill(pick(h.number, offset), ctx, { ...core, figure: capitalise(core.figure) }) });
  return candidates;
}

function joinSentences(sentences: readonly PoolSentence[]): string {
  return sentences.map((s) => s.text).join(' ');
}

/** A thin scene (it opens with framing, not source text) is styled by swapping that framing sentence. */
function thinBodyCandidates(ctx: ScriptContext, content: readonly PoolSentence[], rotation: number, topic: string, ordinal: string): VariantCandidate[] {
  const rest = content.slice(1);
  const variant = (style: VariantStyle, first: PoolSentence | undefined): VariantCandidate => ({ style, text: `${ordinal}${joinSentences(first ? [first, ...rest] : rest)}` });
  return [
    variant('plain', content[0]),
    variant('question', styledExpansion(ctx, 'question', rotation, topic)),
    variant('bold', styledExpansion(ctx, 'bold', rotation, topic)),
  ];
}

/**
 * Body variants: the same source sentences framed four ways. Number-first moves the sentence with
 * a figure to the front; listicle points always start with their ordinal.
 */
export function bodyCandidates(
  ctx: ScriptContext,
  content: readonly PoolSentence[],
  position: number,
  offset: number,
  listIndex: number | null,
  topic: string,
): VariantCandidate[] {
  const p = ctx.patterns;
  const ordinal = listIndex === null ? '' : `${pick(p.ordinals, listIndex)} `;
  const rotation = position + offset;
  if (content[0]?.synthetic) return thinBodyCandidates(ctx, content, rotation, topic, ordinal);
  const text = joinSentences(content);
  const questionLeads = ctx.thinSource ? p.bodyQuestion.explainer : p.bodyQuestion[ctx.format];
  const candidates: VariantCandidate[] = [
    { style: 'plain', text: `${ordinal}${text}` },
    { style: 'question', text: `${ordinal}${pick(questionLeads, rotation)} ${text}` },
    { style: 'bold', text: `${ordinal}${pick(p.bodyBold, rotation)} ${ctx.lowerFirst(text)}` },
  ];
  const withFigure = content.find((s) => s.numberPhrase);
  if (withFigure) {
    const reordered = [withFigure, ...content.filter((s) => s !== withFigure)];
    candidates.push({ style: 'number', text: `${ordinal}${pick(p.bodyNumber, rotation)} ${ctx.lowerFirst(joinSentences(reordered))}` });
  }
  return candidates;
}

export function ctaCandidates(ctx: ScriptContext, offset: number): VariantCandidate[] {
  const cta = ctx.patterns.cta;
  const styles: Array<[VariantStyle, string]> = [
    ['question', pick(cta.question[ctx.format], offset)],
    ['bold', pick(cta.bold[ctx.format], offset)],
    ['plain', pick(cta.plain, offset)],
  ];
  return styles.map(([style, text]) => ({ style, text }));
}

/**
 * The figure a number-first hook leads with: one with a unit ("25,000 homes", "60%", not a bare
 * "31"), preferably from another top sentence, since leading with a figure the claim itself
 * repeats reads as a stutter ("25,000 homes. ... for 25,000 homes."). None rather than that.
 */
export function figureOf(sentences: readonly PoolSentence[], claim: string): string | null {
  const candidates = [findNumberPhrase(claim), ...sentences.map((s) => s.numberPhrase)].filter(
    (phrase): phrase is string => Boolean(phrase && /\D/.test(phrase.replace(/[\d\s.,]/g, '') || '')),
  );
  return candidates.find((phrase) => !claim.includes(phrase)) ?? null;
}
