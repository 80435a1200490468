import type { FormatId, Language } from '../../../../contracts/formats.ts';
import { SPEAKING_RATE_WPS } from '../../../../contracts/formats.ts';
import type { GeneratedScene, GeneratedScript } from '../../../../contracts/script.ts';
import { countWords, splitSentences } from '../../analysis/text-units.ts';
import { closeTargetWords, hookTargetWords } from '../scene-budget.ts';
import type { Phrases } from './phrases.ts';
import { PHRASES, pick } from './phrases.ts';
import type { Candidate } from './score.ts';
import { finaliseVariants, styleOf } from './score.ts';
import { closeCandidates } from './variants.ts';
import type { Prepared } from './prepare.ts';
import { assemble } from './prepare.ts';

/*
 * A bare idea ("why cities should plant more trees") has no facts to tell. The offline writer does
 * not invent them or pad: the script is the author's own words plus marked places to fill in
 * ("[add a fact: ...]"), and the app points to an LLM provider for a full draft.
 */

type Slot = keyof Phrases['fill'];

const SLOTS: Record<FormatId, Slot[]> = {
  news: ['fact', 'number', 'quote'],
  'hook-story': ['story', 'story', 'story'],
  explainer: ['fact', 'example', 'number'],
  listicle: ['example', 'example', 'example'],
  comparison: ['fact', 'number', 'example'],
  'hot-take': ['argument', 'fact', 'counter'],
};

const QUESTION_START: Record<Language, RegExp> = {
  en: /^(why|how|what|when|where|who|which|is|are|can|should|do|does)\b/i,
  ru: /^(почему|зачем|как|что|когда|где|кто|какой|какая|какие|можно|нужно ли|стоит ли)(?![\p{L}])/iu,
};

/** The author's words as spoken sentences: capitalised, ended, a question when phrased as one. */
export function authorSentences(text: string, language: Language): string[] {
  return splitSentences(text).map((raw) => {
    const trimmed = raw.trim().replace(/[\s,;:—–-]+$/u, '');
    const capital = trimmed.charAt(0).toLocaleUpperCase() + trimmed.slice(1);
    if (/[.!?…]["»”]?$/u.test(capital)) return capital;
    return `${capital}${QUESTION_START[language].test(capital) ? '?' : '.'}`;
  });
}

const SLOT_ORDER: Slot[] = ['fact', 'number', 'example', 'quote', 'argument', 'counter', 'step', 'story'];

/** Three places to fill in for one scene; regenerated ones (offset > 0) pair the slot with another. */
function placeholders(language: Language, slot: Slot, rotation: number, regenerated: boolean): Candidate[] {
  const fill = PHRASES[language].fill;
  return [0, 1, 2].map((k) => {
    const first = pick(fill[slot], rotation + k);
    const second = regenerated ? ` ${pick(fill[pick(SLOT_ORDER.filter((s) => s !== slot), rotation + k)], rotation)}` : '';
    return { style: 'plain' as const, text: `${first}${second}`, planned: k === 0 && !regenerated };
  });
}

/** The scenes of an idea script; `offset` rotates to other wording of every place to fill in. */
export function ideaScenes(prepared: Prepared, offset: number): GeneratedScene[] {
  const { input, targetWords, content } = prepared;
  const { language, format } = input;
  const wps = SPEAKING_RATE_WPS[language];
  const own = authorSentences(input.text, language);
  const [hookText = input.text.trim(), ...rest] = own;
  const fill = PHRASES[language].fill;
  const hook: Candidate[] = [
    { style: styleOf(hookText), text: hookText, planned: offset === 0 },
    { style: 'plain', text: `${hookText} ${pick(fill.fact, offset)}` },
    { style: 'number', text: `${pick(fill.number, offset)} ${hookText}` },
  ];
  const bodies: Candidate[][] = [
    ...rest.slice(0, 4).map((sentence) => [{ style: styleOf(sentence), text: sentence, planned: offset === 0 }, ...placeholders(language, 'fact', offset + 1, offset > 0).map((c) => ({ ...c, planned: false }))]),
    ...SLOTS[format].slice(0, Math.max(1, 3 - rest.length)).map((slot, i) => placeholders(language, slot, offset + i, offset > 0)),
  ];
  const close = closeCandidates({ language, format, grave: content.grave }, offset);
  const perBody = Math.max(8, Math.round((targetWords - hookTargetWords(targetWords) - closeTargetWords(targetWords)) / bodies.length));
  const scene = (id: string, role: GeneratedScene['role'], list: Candidate[], target: number): GeneratedScene => ({ id, role, targetWords: target, variants: finaliseVariants(id, list, role, format, language, target, wps) });
  return [
    scene('s1', 'hook', hook, Math.max(countWords(hookText), 6)),
    ...bodies.map((list, i) => scene(`s${i + 2}`, 'body', list, perBody)),
    scene(`s${bodies.length + 2}`, 'cta', close, closeTargetWords(targetWords)),
  ];
}

export function writeIdeaScript(prepared: Prepared): GeneratedScript {
  return assemble(prepared.input, authorSentences(prepared.input.text, prepared.input.language)[0] ?? '', ideaScenes(prepared, 0));
}
