import type { ItemLogEntry, ProfileRule, ScriptCheckResult } from '../../../contracts/factory.ts';
import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import type { GeneratedScript, WriteScriptInput } from '../../../contracts/script.ts';
import type { Writer } from '../../../contracts/writer.ts';
import { countWords } from '../analysis/text-units.ts';
import { type ChosenScene, checkChosenScript, describeFailures, hookRuleFailures } from '../writers/quality/script-checks.ts';
import { chooseScenes, guidanceFor, kindsOf } from './writing-profile.ts';

export interface WrittenDraft {
  script: GeneratedScript;
  scenes: ChosenScene[];
  checks: ScriptCheckResult[];
}

export interface DraftWriterOptions {
  profile: readonly ProfileRule[];
  toneNotes: string;
  signal?: AbortSignal;
  onStep: (entry: Omit<ItemLogEntry, 'at'>) => Promise<void>;
}

const failuresOf = (checks: readonly ScriptCheckResult[]) => checks.filter((c) => !c.ok).length;

function assess(script: GeneratedScript, input: WriteScriptInput, profile: readonly ProfileRule[]): WrittenDraft {
  const kinds = kindsOf(profile);
  const scenes = chooseScenes(script, kinds);
  return { script, scenes, checks: checkChosenScript(script, scenes, { text: input.text, title: input.title ?? '' }, kinds) };
}

/**
 * A draft script by the author's writer, its scenes chosen by the writing profile and checked;
 * when a check fails it is written once more with the failures named (and, for the length, a
 * corrected target), and the better of the two is kept.
 */
export async function draftWriter(writer: Writer, input: WriteScriptInput, options: DraftWriterOptions): Promise<WrittenDraft> {
  const { profile, toneNotes, signal, onStep } = options;
  const guidance = guidanceFor(profile, toneNotes);
  const first = assess(await writer.writeScript({ ...input, ...(guidance.length ? { guidance } : {}) }, { signal }), input, profile);
  await onStep({ step: 'written', vars: { words: countWords(first.scenes.map((s) => s.text).join(' ')) } });
  const failures = describeFailures(first.checks);
  if (failures.length === 0) {
    await onStep({ step: 'checks-passed' });
    return first;
  }
  await onStep({ step: 'check-failed', vars: { failures: failures.join(', ') } });

  const spokenWords = countWords(first.scenes.map((s) => s.text).join(' '));
  const targetWords = input.targetSec * SPEAKING_RATE_WPS[input.language];
  const lengthFailed = first.checks.some((c) => c.name === 'length' && !c.ok);
  const targetSec = lengthFailed ? Math.max(5, Math.min(600, Math.round((input.targetSec * targetWords) / Math.max(1, spokenWords)))) : input.targetSec;
  let retried = await writer.writeScript({ ...input, targetSec, guidance: guidanceFor(profile, toneNotes, failures) }, { signal });
  retried = { ...retried, targetSec: input.targetSec };
  const hook = retried.scenes.find((s) => s.role === 'hook');
  const hookText = hook ? chooseScenes(retried, kindsOf(profile)).find((s) => s.id === hook.id)?.text ?? '' : '';
  if (hook && hookRuleFailures(hookText, kindsOf(profile)).length > 0) {
    retried = await writer.regenerateScene({ script: retried, sceneId: hook.id, source: { ...input, guidance: guidanceFor(profile, toneNotes, failures) } }, { signal });
  }
  const second = assess(retried, input, profile);
  const stillFailing = describeFailures(second.checks);
  await onStep({ step: 'retried', vars: { failures: failures.join(', ') } });
  if (stillFailing.length) await onStep({ step: 'check-failed', vars: { failures: stillFailing.join(', ') } });
  else await onStep({ step: 'checks-passed' });
  return failuresOf(second.checks) <= failuresOf(first.checks) ? second : first;
}
