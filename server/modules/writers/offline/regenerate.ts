import { SPEAKING_RATE_WPS } from '../../../../contracts/formats.ts';
import type { GeneratedScene, GeneratedScript, RegenerateSceneInput, ScriptVariant } from '../../../../contracts/script.ts';
import { ScriptError } from '../../script/script-error.ts';
import { ideaScenes } from './idea.ts';
import { bestTotal, isBareIdea, prepare } from './prepare.ts';
import type { Candidate } from './score.ts';
import { finaliseVariants } from './score.ts';
import { bodyCandidates, closeCandidates, hookCandidates } from './variants.ts';
import { fittedPlan, usedBy } from './write.ts';

const ROUNDS = 12;
const WANTED = 4;

const variantNumber = (variant: ScriptVariant) => Number(/-v(\d+)$/.exec(variant.id)?.[1] ?? 0);

/** Candidates for one scene over several rounds of alternatives (other sentences, other phrasings). */
function roundsFor(input: RegenerateSceneInput, scene: GeneratedScene, index: number): Candidate[] {
  const prepared = prepare({ ...input.source, language: input.script.language, format: input.script.format });
  const rounds = Array.from({ length: ROUNDS }, (_, k) => k + 1);
  if (isBareIdea(prepared)) {
    return rounds.flatMap((k) => ideaScenes(prepared, k)[index]?.variants.map((v) => ({ style: v.style, text: v.text })) ?? []);
  }
  const plan = fittedPlan(prepared)?.plan;
  if (!plan) return [];
  if (scene.role === 'hook') return rounds.flatMap((k) => hookCandidates(plan, k, usedBy(plan)));
  if (scene.role === 'cta') return rounds.flatMap((k) => closeCandidates(plan, k));
  const body = plan.bodies.find((b) => b.id === scene.id) ?? plan.bodies[Math.min(index - 1, plan.bodies.length - 1)];
  return body ? rounds.flatMap((k) => bodyCandidates(plan, body, k, usedBy(plan, body.id))) : [];
}

/** Unseen texts only, distinct styles first, at most four. */
function chooseNew(candidates: readonly Candidate[], previous: ReadonlySet<string>): Candidate[] {
  const seen = new Set(previous);
  const fresh = candidates.map((c) => ({ ...c, planned: false })).filter((c) => !seen.has(c.text) && seen.add(c.text));
  const byStyle = fresh.filter((c, i) => fresh.findIndex((d) => d.style === c.style) === i);
  return [...byStyle, ...fresh.filter((c) => !byStyle.includes(c))].slice(0, WANTED);
}

/**
 * New variants for one scene; every other scene is returned untouched. New variants differ from
 * the scene's previous ones and are numbered after them, so a stored choice never points at
 * another text.
 */
export function regenerateSceneOffline(input: RegenerateSceneInput): GeneratedScript {
  const { script, sceneId } = input;
  const index = script.scenes.findIndex((s) => s.id === sceneId);
  const scene = script.scenes[index];
  if (!scene) throw new ScriptError('UNKNOWN_SCENE', `the script has no scene "${sceneId}"`);
  const fresh = chooseNew(roundsFor(input, scene, index), new Set(scene.variants.map((v) => v.text)));
  if (fresh.length < 3) throw new ScriptError('NO_NEW_VARIANTS', `no new wording is left for scene "${sceneId}"; edit it or write your own`);
  const next = Math.max(0, ...scene.variants.map(variantNumber)) + 1;
  const wps = SPEAKING_RATE_WPS[script.language];
  const variants = finaliseVariants(scene.id, fresh, scene.role, script.format, script.language, scene.targetWords, wps, next);
  const scenes = script.scenes.map((s) => (s.id === sceneId ? { ...scene, variants } : s));
  const totalWords = bestTotal(scenes);
  return { ...script, scenes, totalWords, totalSeconds: Math.round((totalWords / wps) * 10) / 10 };
}
