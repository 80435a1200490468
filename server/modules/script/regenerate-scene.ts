import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import type { GeneratedScene, GeneratedScript, RegenerateSceneInput, ScriptVariant } from '../../../contracts/script.ts';
import { words } from '../analysis/text-units.ts';
import { selectSentences, shortened } from './body-content.ts';
import { assemble, bodyScene, ctaScene, hookScene, hookTargetWords, prepareState } from './offline-writer.ts';
import type { WriterState } from './offline-writer.ts';
import type { PoolSentence } from './sentence-pool.ts';
import { byRank } from './sentence-pool.ts';
import { ScriptError } from './script-error.ts';

const MAX_ROUNDS = 12;
const WANTED = 4;

function variantNumber(variant: ScriptVariant): number {
  return Number(/-v(\d+)$/.exec(variant.id)?.[1] ?? 0);
}

/** A sentence is "in" a text when its first six words appear there (shortening keeps the start). */
function appearsIn(sentence: PoolSentence, text: string): boolean {
  const head = words(sentence.text).slice(0, 6).join(' ').toLowerCase();
  return head.length > 0 && words(text).join(' ').toLowerCase().includes(head);
}

function textsOf(scenes: readonly GeneratedScene[]): string {
  return scenes.flatMap((s) => s.variants.map((v) => v.text)).join('\n');
}

/** Picks new variants: unseen texts only, distinct styles first, at most four. */
function chooseNew(candidates: ScriptVariant[][], previous: ReadonlySet<string>): ScriptVariant[] {
  const fresh: ScriptVariant[] = [];
  const seen = new Set(previous);
  for (const variant of candidates.flat()) {
    if (seen.has(variant.text)) continue;
    seen.add(variant.text);
    fresh.push(variant);
  }
  const byStyle = fresh.filter((v, i) => fresh.findIndex((w) => w.style === v.style) === i);
  const rest = fresh.filter((v) => !byStyle.includes(v));
  return [...byStyle, ...rest].slice(0, WANTED).sort((a, b) => b.score - a.score);
}

function bodyRounds(state: WriterState, script: GeneratedScript, scene: GeneratedScene, position: number): GeneratedScene[] {
  const others = script.scenes.filter((s) => s.id !== scene.id);
  const mine = textsOf([scene]);
  const theirs = textsOf(others);
  const all = [...state.pool, ...state.expansions];
  const current = all.filter((s) => s.index !== state.hookSentence && appearsIn(s, mine)).sort((a, b) => a.index - b.index);
  const taken = new Set(all.filter((s) => appearsIn(s, theirs) || appearsIn(s, mine)).map((s) => s.index));
  if (state.hookSentence !== null) taken.add(state.hookSentence);
  const budget = Math.max(6, scene.targetWords - 2);
  let fresh = selectSentences(state.pool, taken, budget, Math.max(10, scene.targetWords + 4), state.ctx);
  if (fresh.length === 0) fresh = state.expansions.filter((e) => !taken.has(e.index)).slice(0, 2);
  const listIndex = state.ctx.format === 'listicle' ? position : null;
  const rounds: GeneratedScene[] = [];
  for (let k = 1; k <= MAX_ROUNDS; k++) {
    const base = current.length > 0 ? current : fresh;
    const rotated = base.length > 1 ? [...base.slice(k % base.length), ...base.slice(0, k % base.length)] : base;
    const content = k % 2 === 1 && fresh.length > 0 ? fresh : rotated.map((s) => (s.synthetic ? s : shortened(s, state.ctx, budget + 4)));
    rounds.push(bodyScene(state, { id: scene.id, targetWords: scene.targetWords, content, listIndex }, position, k));
  }
  return rounds;
}

function hookRounds(state: WriterState, scene: GeneratedScene): GeneratedScene[] {
  const ranked = [...state.pool].sort(byRank).slice(0, 3);
  const cores = [state.hookCore, ...ranked.map((s) => ({ ...state.hookCore, claim: shortened(s, state.ctx, scene.targetWords + 2).text }))];
  const rounds: GeneratedScene[] = [];
  for (let k = 1; k <= MAX_ROUNDS; k++) {
    const core = cores[k % cores.length] ?? state.hookCore;
    rounds.push(hookScene({ ...state, hookCore: core }, scene.targetWords, k));
  }
  return rounds;
}

/**
 * New variants for one scene; every other scene is returned untouched. The new variants differ
 * from the scene's previous ones (other wording, other source sentences where the source has
 * them) and are numbered after the previous ids, so a stored selection never points at a
 * different text.
 */
export function regenerateSceneOffline(input: RegenerateSceneInput): GeneratedScript {
  const { script, sceneId, source } = input;
  const index = script.scenes.findIndex((s) => s.id === sceneId);
  const scene = script.scenes[index];
  if (!scene) throw new ScriptError('UNKNOWN_SCENE', `the script has no scene "${sceneId}"`);
  const target = Math.round(source.targetSec * SPEAKING_RATE_WPS[script.language]);
  const state = prepareState({ ...source, language: script.language, format: script.format }, hookTargetWords(target));
  const rounds =
    scene.role === 'hook'
      ? hookRounds(state, scene)
      : scene.role === 'cta'
        ? Array.from({ length: MAX_ROUNDS }, (_, k) => ctaScene(state, scene.id, scene.targetWords, k + 1))
        : bodyRounds(state, script, scene, script.scenes.slice(0, index).filter((s) => s.role === 'body').length);
  const previous = new Set(scene.variants.map((v) => v.text));
  const chosen = chooseNew(rounds.map((r) => r.variants), previous);
  if (chosen.length < 3) throw new ScriptError('NO_NEW_VARIANTS', `no new wording is left for scene "${sceneId}"; edit it or write your own`);
  const next = Math.max(0, ...scene.variants.map(variantNumber)) + 1;
  const variants = chosen.map((v, i) => ({ ...v, id: `${scene.id}-v${next + i}` }));
  const scenes = script.scenes.map((s) => (s.id === sceneId ? { ...scene, variants } : s));
  return { ...assemble(state, { ...source, language: script.language, format: script.format }, scenes), title: script.title, targetSec: script.targetSec, writer: script.writer };
}
