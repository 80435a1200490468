import type { ProfileRuleKind, ScriptCheckResult } from '../../../../contracts/factory.ts';
import { SPEAKING_RATE_WPS } from '../../../../contracts/formats.ts';
import type { GeneratedScript } from '../../../../contracts/script.ts';
import { classifyContent } from '../../analysis/content-kind.ts';
import { countWords } from '../../analysis/text-units.ts';
import { detectLanguage } from '../../sources/language.ts';
import { checkScript, factsOf, factsPresent } from '../offline/checks.ts';
import { cleanSource } from '../offline/clean.ts';

/** A script's length may miss its target by this share (the promise the writers make). */
export const LENGTH_TOLERANCE = 0.15;

export interface ChosenScene {
  id: string;
  role: 'hook' | 'body' | 'cta';
  text: string;
}

const opensWithQuestion = (text: string) => /^[^.!]*\?/u.test(text.trim());
const hasFigure = (text: string) => /\p{N}/u.test(text);

/** The hook rules of a writing profile a scene text breaks (only hooks carry such rules). */
export function hookRuleFailures(hook: string, kinds: readonly ProfileRuleKind[]): ProfileRuleKind[] {
  const failed: ProfileRuleKind[] = [];
  if (kinds.includes('no-question-hook') && opensWithQuestion(hook)) failed.push('no-question-hook');
  if (kinds.includes('number-in-hook') && !hasFigure(hook)) failed.push('number-in-hook');
  return failed;
}

/**
 * The checks a viewer would make of the chosen scene texts, the same primitives the quality
 * harness (scripts/eval-scripts.ts) uses: length against the target, language, the lead's facts
 * (news), complete sentences, a sober register on grave stories, no page furniture, and the
 * writing profile's hook rules.
 */
export function checkChosenScript(
  script: Pick<GeneratedScript, 'language' | 'format' | 'targetSec' | 'title'>,
  scenes: readonly ChosenScene[],
  source: { text: string; title: string },
  kinds: readonly ProfileRuleKind[] = [],
): ScriptCheckResult[] {
  const clean = cleanSource(source.text, source.title, script.language);
  const content = classifyContent(clean.paragraphs.join('\n\n'), clean.title, script.language);
  const spoken = scenes.map((s) => s.text).join(' ');
  const asScript: GeneratedScript = {
    ...script,
    scenes: scenes.map((s) => ({ id: s.id, role: s.role, targetWords: 1, variants: [{ id: `${s.id}-v1`, style: 'plain', text: s.text, words: Math.max(1, countWords(s.text)), seconds: 0, score: 50 }] })),
    totalWords: countWords(spoken),
    totalSeconds: 0,
    writer: 'offline',
  };
  const check = checkScript(asScript, content.grave, SPEAKING_RATE_WPS[script.language]);
  const leadFacts = content.kind === 'news' ? factsPresent(factsOf(clean.paragraphs[0] ?? ''), spoken) : 1;
  const language = detectLanguage(spoken);
  const hook = scenes.find((s) => s.role === 'hook')?.text ?? '';
  const failedHookRules = hookRuleFailures(hook, kinds);
  const deviation = check.lengthDeviation;
  const results: ScriptCheckResult[] = [
    { name: 'length', ok: Math.abs(deviation) <= LENGTH_TOLERANCE, detail: `${deviation >= 0 ? '+' : ''}${Math.round(deviation * 100)}%` },
    { name: 'language', ok: language === script.language, detail: language },
    { name: 'lead-facts', ok: leadFacts > 0, detail: `${Math.round(leadFacts * 100)}%` },
    { name: 'fragments', ok: !check.fragment, detail: check.fragment },
    { name: 'tone', ok: !check.flippant, detail: check.flippant },
    { name: 'furniture', ok: !check.furniture, detail: check.furniture },
  ];
  for (const kind of kinds) {
    if (kind === 'no-question-hook' || kind === 'number-in-hook') results.push({ name: kind, ok: !failedHookRules.includes(kind), detail: null });
  }
  return results;
}

/** The failures of a check list, in words an LLM (and a log line) can act on: "too long (+20%)". */
export function describeFailures(checks: readonly ScriptCheckResult[]): string[] {
  return checks
    .filter((c) => !c.ok)
    .map((c) => {
      if (c.name === 'length') return c.detail?.startsWith('+') ? `too long (${c.detail})` : `too short (${c.detail})`;
      if (c.name === 'language') return `wrong language (${c.detail})`;
      if (c.name === 'lead-facts') return 'the lead facts are missing';
      if (c.name === 'no-question-hook') return 'the hook opens with a question';
      if (c.name === 'number-in-hook') return 'the hook gives no number';
      return `${c.name}: ${c.detail ?? ''}`.trim();
    });
}
