import { SPEAKING_RATE_WPS } from '../../../../contracts/formats.ts';
import type { GeneratedScene, GeneratedScript, WriteScriptInput } from '../../../../contracts/script.ts';
import { countWords } from '../../analysis/text-units.ts';
import { writeIdeaScript } from './idea.ts';
import type { ScriptPlan } from './plan.ts';
import { planScript } from './plan.ts';
import type { Candidate } from './score.ts';
import { finaliseVariants } from './score.ts';
import type { Prepared } from './prepare.ts';
import { assemble, isBareIdea, prepare } from './prepare.ts';
import { bodyCandidates, closeCandidates, hookCandidates } from './variants.ts';

/** The fitting loop aims inside this share of the target; the promise to callers is 15%. */
const AIM = 0.08;
const FIT_ROUNDS = 6;

export function usedBy(plan: ScriptPlan, exceptSceneId?: string): Set<number> {
  const used = new Set<number>([plan.hook.index]);
  for (const body of plan.bodies) if (body.id !== exceptSceneId) for (const s of body.sentences) used.add(s.index);
  return used;
}

/** Pass 4: the plan realised as scenes, each with its checked variants. */
export function realise(plan: ScriptPlan, offset = 0): GeneratedScene[] {
  const wps = SPEAKING_RATE_WPS[plan.language];
  const finalise = (id: string, candidates: Candidate[], role: GeneratedScene['role'], target: number) => ({ id, role, targetWords: target, variants: finaliseVariants(id, candidates, role, plan.format, plan.language, target, wps) });
  const hook = finalise('s1', atLeastThree(hookCandidates(plan, offset, usedBy(plan)), (k) => hookCandidates(plan, offset + k, new Set())), 'hook', plan.hookTarget);
  const bodies = plan.bodies.map((body) => finalise(body.id, atLeastThree(bodyCandidates(plan, body, offset, usedBy(plan, body.id)), (k) => bodyCandidates(plan, body, offset + k, new Set([plan.hook.index]))), 'body', body.targetWords));
  const close = finalise(`s${plan.bodies.length + 2}`, closeCandidates(plan, offset), 'cta', plan.closeTarget);
  return [hook, ...bodies, close];
}

/** Keeps distinct texts; tops up from `more(k)` (wider searches) while fewer than three pass. */
function atLeastThree(candidates: Candidate[], more: (round: number) => Candidate[]): Candidate[] {
  const distinct = (list: Candidate[]) => list.filter((c, i) => list.findIndex((d) => d.text === c.text) === i);
  let list = distinct(candidates);
  for (let round = 1; list.length < 3 && round <= 6; round++) list = distinct([...list, ...more(round).map((c) => ({ ...c, planned: false }))]);
  return list;
}

/** Words the plan's own choices say: the hook, every body scene (with list ordinals) and the close. */
function plannedWords(plan: ScriptPlan, closeWords: number): number {
  const ordinals = plan.bodies.filter((b) => b.listIndex !== null).length * 2;
  return plan.hook.words + plan.bodies.reduce((sum, b) => sum + b.sentences.reduce((n, s) => n + s.words, 0), 0) + ordinals + closeWords;
}

/**
 * The plan that lands nearest the target, re-planned with the miss corrected, then realised. The
 * plan's choices rank first in every scene, so its length is the script's length.
 */
export function fittedPlan(prepared: Prepared): { plan: ScriptPlan; scenes: GeneratedScene[] } | null {
  const { input, content, pool, targetWords } = prepared;
  const options = { language: input.language, format: input.format, grave: content.grave };
  const closeWords = countWords(closeCandidates(options, 0)[0]!.text);
  let slack = closeWords;
  let best: { plan: ScriptPlan; miss: number } | null = null;
  for (let round = 0; round < FIT_ROUNDS; round++) {
    const plan = planScript(pool, { ...options, targetWords, closeWords: slack });
    if (!plan || plan.bodies.length === 0) break;
    const miss = plannedWords(plan, closeWords) - targetWords;
    if (!best || Math.abs(miss) < Math.abs(best.miss)) best = { plan, miss };
    if (Math.abs(miss) <= targetWords * AIM) break;
    slack += Math.round(miss * 0.9) || Math.sign(miss);
  }
  return best ? { plan: best.plan, scenes: realise(best.plan) } : null;
}

/**
 * The offline writer: clean -> sentences with roles -> plan per format -> realisation (compression,
 * hook, close) -> checks -> variants. Deterministic; no network.
 */
export function writeScriptOffline(input: WriteScriptInput): GeneratedScript {
  const prepared = prepare(input);
  const fitted = isBareIdea(prepared) ? null : fittedPlan(prepared);
  if (!fitted) return writeIdeaScript(prepared);
  return assemble(input, prepared.source.title || fitted.plan.hookText, fitted.scenes);
}
