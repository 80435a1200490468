import type { GeneratedScene, GeneratedScript, WriteScriptInput } from '../../../contracts/script.ts';
import { countWords, secondsForWords } from '../analysis/text-units.ts';
import { bodySceneCount, distribute, expansionSentences, selectSentences, shortened, splitEvenly } from './body-content.ts';
import type { ScriptContext } from './script-context.ts';
import { createContext } from './script-context.ts';
import type { PoolSentence } from './sentence-pool.ts';
import { buildSentencePool, byRank } from './sentence-pool.ts';
import type { HookCore } from './variant-builders.ts';
import { bodyCandidates, ctaCandidates, figureOf, hookCandidates } from './variant-builders.ts';
import { finaliseVariants } from './variant-score.ts';

/** The fitting loop aims inside this share of the target; the promise to callers is 15%. */
const AIM_TOLERANCE = 0.08;
const MAX_FIT_STEPS = 24;

export interface BodyDraft {
  id: string;
  targetWords: number;
  content: PoolSentence[];
  listIndex: number | null;
}

export interface WriterState {
  ctx: ScriptContext;
  pool: PoolSentence[];
  expansions: PoolSentence[];
  hookCore: HookCore;
  hookSentence: number | null;
}

export function hookTargetWords(totalWords: number): number {
  return Math.max(7, Math.min(16, Math.round(totalWords * 0.2)));
}

export function ctaTargetWords(totalWords: number): number {
  return Math.max(6, Math.min(12, Math.round(totalWords * 0.15)));
}

/** What the hook is built on: the title when it is a usable length, else the best-ranked sentence. */
export function chooseHookCore(ctx: ScriptContext, pool: readonly PoolSentence[], title: string, hookWords: number): { core: HookCore; sentence: number | null } {
  const ranked = [...pool].sort(byRank);
  const titleWords = countWords(title);
  let claim: string;
  let sentence: number | null = null;
  if (title && titleWords >= 3 && titleWords <= hookWords + 4) claim = title;
  else {
    const top = ranked[0];
    claim = top ? shortened(top, ctx, hookWords + 2).text : title;
    sentence = top?.index ?? null;
  }
  const isQuestion = ctx.patterns.questionWords.test(claim.trim()) || claim.trim().endsWith('?');
  return { core: { claim, isQuestion, figure: figureOf(ranked.slice(0, 3), claim) }, sentence };
}

function bodyScene(state: WriterState, draft: BodyDraft, position: number, offset: number, firstIndex = 1): GeneratedScene {
  const { ctx } = state;
  const candidates = bodyCandidates(ctx, draft.content, position, offset, draft.listIndex, state.hookCore.claim);
  return { id: draft.id, role: 'body', targetWords: draft.targetWords, variants: finaliseVariants(draft.id, candidates, 'body', ctx.format, ctx.language, draft.targetWords, ctx.wordsPerSecond, firstIndex) };
}

export function hookScene(state: WriterState, targetWords: number, offset: number, firstIndex = 1): GeneratedScene {
  const { ctx } = state;
  const candidates = hookCandidates(ctx, state.hookCore, offset);
  return { id: 's1', role: 'hook', targetWords, variants: finaliseVariants('s1', candidates, 'hook', ctx.format, ctx.language, targetWords, ctx.wordsPerSecond, firstIndex) };
}

export function ctaScene(state: WriterState, id: string, targetWords: number, offset: number, firstIndex = 1): GeneratedScene {
  const { ctx } = state;
  return { id, role: 'cta', targetWords, variants: finaliseVariants(id, ctaCandidates(ctx, offset), 'cta', ctx.format, ctx.language, targetWords, ctx.wordsPerSecond, firstIndex) };
}

const bestWords = (scene: GeneratedScene) => scene.variants[0]?.words ?? 0;

/** Makes the script one step shorter: drops a body sentence or shortens one. */
function trimOnce(state: WriterState, drafts: BodyDraft[], scenes: GeneratedScene[], excess: number): boolean {
  const order = drafts.map((d, i) => ({ d, over: bestWords(scenes[i] as GeneratedScene) - d.targetWords })).sort((a, b) => b.over - a.over);
  for (const { d } of order) {
    if (d.content.length > 1 && !d.content[0]?.synthetic) {
      const weakest = [...d.content].sort(byRank).at(-1);
      d.content = d.content.filter((s) => s !== weakest);
      return true;
    }
    if (d.content.length > 1) {
      d.content = d.content.slice(0, -1);
      return true;
    }
    const only = d.content[0];
    if (!only || only.synthetic) continue;
    const shorter = shortened(only, state.ctx, Math.max(5, only.words - excess));
    if (shorter.words < only.words) {
      d.content = [shorter];
      return true;
    }
  }
  // Last resort: drop the body scene that overshoots most, keeping at least one.
  const dropped = order[0]?.d;
  if (drafts.length > 1 && dropped && excess >= dropped.targetWords / 2) {
    drafts.splice(drafts.indexOf(dropped), 1);
    drafts.forEach((d, i) => {
      d.id = `s${i + 2}`;
      if (d.listIndex !== null) d.listIndex = i;
    });
    return true;
  }
  return false;
}

/** Makes the script one step longer: adds the best unused source sentence, else an honest framing sentence. */
function growOnce(state: WriterState, drafts: BodyDraft[], scenes: GeneratedScene[], deficit: number): boolean {
  const used = new Set(drafts.flatMap((d) => d.content.map((s) => s.index)));
  if (state.hookSentence !== null) used.add(state.hookSentence);
  const neediest = drafts.map((d, i) => ({ d, under: d.targetWords - bestWords(scenes[i] as GeneratedScene) })).sort((a, b) => b.under - a.under)[0]?.d;
  if (!neediest) return false;
  const limit = Math.max(6, deficit + 4);
  const next = [...state.pool]
    .filter((s) => !used.has(s.index) && s.words >= 4)
    .sort(byRank)
    .map((s) => shortened(s, state.ctx, limit))
    .find((s) => s.words <= limit * 1.2);
  const closestExpansion = state.expansions
    .filter((e) => !used.has(e.index))
    .sort((a, b) => Math.abs(a.words - deficit) - Math.abs(b.words - deficit) || a.index - b.index)[0];
  const addition = next ?? closestExpansion;
  if (!addition) return false;
  neediest.content = [...neediest.content, addition].sort((a, b) => a.index - b.index);
  return true;
}

function totalWords(scenes: readonly GeneratedScene[]): number {
  return scenes.reduce((sum, scene) => sum + bestWords(scene), 0);
}

export function assemble(state: WriterState, input: WriteScriptInput, scenes: GeneratedScene[]): GeneratedScript {
  const words = totalWords(scenes);
  return {
    language: input.language,
    format: input.format,
    targetSec: input.targetSec,
    title: input.title?.trim() || state.hookCore.claim,
    scenes,
    totalWords: words,
    totalSeconds: secondsForWords(words, state.ctx.wordsPerSecond),
    writer: 'offline',
  };
}

export function prepareState(input: WriteScriptInput, hookWords: number): WriterState {
  const ctx = createContext(input.text, input.language, input.format);
  const pool = buildSentencePool(input.text, input.title ?? '', input.language);
  const { core, sentence } = chooseHookCore(ctx, pool, input.title?.trim() ?? '', hookWords);
  return { ctx, pool, expansions: expansionSentences(ctx, core.claim), hookCore: core, hookSentence: sentence };
}

/**
 * The offline writer: a hook, body scenes built from the source's own sentences (ranked, shortened,
 * put back in reading order) and a call to action, each with 3-4 styled, scored variants. The
 * best-scored variants together fit the target length: a fitting loop adds or trims source
 * sentences (and, for thin sources, honest framing sentences) until the total is within 8%.
 */
export function writeScriptOffline(input: WriteScriptInput): GeneratedScript {
  const target = Math.round(input.targetSec * createContext(input.text, input.language, input.format).wordsPerSecond);
  const state = prepareState(input, hookTargetWords(target));
  const hook = hookScene(state, hookTargetWords(target), 0);
  const ctaDraft = ctaScene(state, 'cta', ctaTargetWords(target), 0);
  const bodyBudget = Math.max(6, target - bestWords(hook) - bestWords(ctaDraft));
  const count = bodySceneCount(input.format, bodyBudget, state.ctx.thinSource);
  const listicle = input.format === 'listicle';
  const perScene = splitEvenly(bodyBudget, count);
  const exclude = new Set(state.hookSentence === null ? [] : [state.hookSentence]);
  const maxSentence = Math.max(10, Math.max(...perScene) + (listicle ? 0 : 4));
  let sentences = selectSentences(state.pool, exclude, bodyBudget - count * 2, maxSentence, state.ctx);
  if (state.ctx.thinSource && sentences.length < count) {
    sentences = [...sentences, ...state.expansions.slice(0, count - sentences.length)].sort((a, b) => a.index - b.index);
  }
  const groups = distribute(sentences, perScene.slice(0, Math.max(1, Math.min(count, sentences.length))));
  const drafts: BodyDraft[] = groups.map((content, i) => ({ id: `s${i + 2}`, targetWords: perScene[i] ?? perScene[0] ?? 10, content, listIndex: listicle ? i : null }));

  let bodies = drafts.map((d, i) => bodyScene(state, d, i, 0));
  const missBy = () => Math.abs(totalWords([hook, ...bodies, ctaDraft]) - target);
  let best = { miss: missBy(), drafts: drafts.map((d) => ({ ...d, content: [...d.content] })) };
  for (let step = 0; step < MAX_FIT_STEPS; step++) {
    const difference = totalWords([hook, ...bodies, ctaDraft]) - target;
    if (Math.abs(difference) <= target * AIM_TOLERANCE) break;
    const changed = difference > 0 ? trimOnce(state, drafts, bodies, difference) : growOnce(state, drafts, bodies, -difference);
    if (!changed) break;
    bodies = drafts.map((d, i) => bodyScene(state, d, i, 0));
    if (missBy() < best.miss) best = { miss: missBy(), drafts: drafts.map((d) => ({ ...d, content: [...d.content] })) };
  }
  if (missBy() > best.miss) {
    drafts.splice(0, drafts.length, ...best.drafts);
    bodies = drafts.map((d, i) => bodyScene(state, d, i, 0));
  }
  const cta = ctaScene(state, `s${drafts.length + 2}`, ctaTargetWords(target), 0);
  return assemble(state, input, [hook, ...bodies, cta]);
}

export { bodyScene };
