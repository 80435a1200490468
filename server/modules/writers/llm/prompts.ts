import type { AnalyseInput } from '../../../../contracts/analysis.ts';
import { BREAKDOWN_KEYS } from '../../../../contracts/analysis.ts';
import type { FormatId, Language } from '../../../../contracts/formats.ts';
import { FORMAT_IDS, SPEAKING_RATE_WPS } from '../../../../contracts/formats.ts';
import type { GeneratedScript, PublishMetadataInput, WriteScriptInput } from '../../../../contracts/script.ts';
import { VARIANT_STYLES } from '../../../../contracts/script.ts';
import type { ContentProfile } from '../../analysis/content-kind.ts';
import type { ScenePlan } from '../scene-budget.ts';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Russian' };
const MAX_SOURCE_CHARS = 12_000;

const FORMAT_NOTES: Record<FormatId, string> = {
  news: 'a news update: what happened, the key numbers, what comes next',
  'hook-story': 'a story told from a strong hook',
  explainer: 'an explainer: how or why something works, step by step',
  listicle: 'a list: each body scene is one numbered point',
  comparison: 'a comparison of two sides or options',
  'hot-take': 'a clear opinion, argued honestly',
};

function source(text: string): string {
  return text.length > MAX_SOURCE_CHARS ? `${text.slice(0, MAX_SOURCE_CHARS)}\n[…truncated]` : text;
}

export const SYSTEM_PROMPT =
  'You write scripts for short vertical videos (TikTok, Reels, Shorts). You only use facts from the source you are given; ' +
  'you never invent numbers, names, quotes or events. You answer with JSON that matches the schema you are given, nothing else.';

export function analysisPrompt(input: AnalyseInput, language: Language, today: string): string {
  return [
    `Rate how much potential this text has as a short vertical video. Today is ${today}.`,
    `Give a score 0-100 and a breakdown (${BREAKDOWN_KEYS.join(', ')}; each 0-100): hook = how well the opening can grab attention; news = news value and freshness${input.publishedAt ? ` (published ${input.publishedAt})` : ''}; emotion = emotional charge; clarity = how clear and simple it is; audience = fit for a broad audience.`,
    `Write the verdict as one sentence in ${LANGUAGE_NAMES[language]}. List up to 5 key facts: sentences copied from the text that contain numbers, names or dates.`,
    `Recommend one format from: ${FORMAT_IDS.join(', ')}.`,
    input.title ? `Title: ${input.title}` : '',
    `Text:\n"""\n${source(input.text)}\n"""`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function planDescription(plan: readonly ScenePlan[]): string {
  return plan.map((scene, i) => `${i + 1}. ${scene.role}, about ${scene.words} words`).join('\n');
}

/** A bare idea (a line or two) has no facts of its own to tell. */
const isIdea = (input: WriteScriptInput) => input.sourceType === 'idea' || input.text.trim().split(/\s+/).length < 40;

export function scriptPrompt(input: WriteScriptInput, plan: readonly ScenePlan[], content: Pick<ContentProfile, 'grave'>): string {
  const totalWords = Math.round(input.targetSec * SPEAKING_RATE_WPS[input.language]);
  return [
    `Write a ${input.targetSec}-second script in ${LANGUAGE_NAMES[input.language]}, format: ${FORMAT_NOTES[input.format]}.`,
    `It is read aloud at ${SPEAKING_RATE_WPS[input.language]} words per second, so the best variant of every scene together must total about ${totalWords} words (within 10%). Exactly ${plan.length} scenes, in this order:\n${planDescription(plan)}`,
    'Facts first: the hook is a complete sentence a narrator would say that carries the main fact (for news: who, what, where, how many); body scenes carry the facts in a logical order, one idea per scene. Every sentence is complete; no headlines pasted into templates, no photo captions, bylines or datelines.',
    `For every scene give 3 or 4 variants, each a different phrasing or selection, labelled with the style it really has (${VARIANT_STYLES.join(', ')}: "question" opens with a question, "bold" with a short strong claim, "number" leads with a figure from the source, "plain" says it plainly), scored 0-100. Only label a variant "number" when it opens with a figure from the source.`,
    content.grave
      ? 'The subject is grave (deaths, violence, disaster or illness): a sober tone, no jokes, no hot takes, no questions to the audience and no engagement bait such as "tell me in the comments"; the last scene is a sober close.'
      : 'The last scene is a call to action that fits the format (a follow, a share or a question to the audience). No hashtags, no stage directions, no emojis.',
    isIdea(input)
      ? 'The source is only an idea: build the script on well-established facts you are sure of, and never invent figures, names, quotes or events.'
      : 'Use only facts from the source.',
    guidanceLines(input.guidance),
    input.sourceType === 'media'
      ? 'The source is the transcript of someone else\'s video: retell its idea in new words and a new structure; never copy its sentences or run of five words or more.'
      : '',
    input.title ? `Source title: ${input.title}` : '',
    `Source:\n"""\n${source(input.text)}\n"""`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The author's rules, which win over the general advice above them. */
const guidanceLines = (guidance: readonly string[] | undefined) => (guidance?.length ? `The author's rules (they win over anything above):\n${guidance.map((g) => `- ${g}`).join('\n')}` : '');

export function regeneratePrompt(script: GeneratedScript, sceneIndex: number, sourceText: string, guidance?: readonly string[]): string {
  const scene = script.scenes[sceneIndex];
  const lines = script.scenes.map((s, i) => `${i + 1}. [${s.role}] ${s.variants[0]?.text ?? ''}${i === sceneIndex ? '   <- this scene' : ''}`);
  return [
    `This is a ${script.targetSec}-second ${script.format} script in ${LANGUAGE_NAMES[script.language]}:\n${lines.join('\n')}`,
    `Write 3 or 4 NEW variants for scene ${sceneIndex + 1} (${scene?.role}), about ${scene?.targetWords} words each, each in a different style (${VARIANT_STYLES.join(', ')}), scored 0-100. They must differ from these previous variants:\n${(scene?.variants ?? []).map((v) => `- ${v.text}`).join('\n')}`,
    guidanceLines(guidance),
    `Source:\n"""\n${source(sourceText)}\n"""`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function metadataPrompt(input: PublishMetadataInput): string {
  return [
    `Write publishing metadata in ${LANGUAGE_NAMES[input.language]} for this short video: a title (at most 90 characters), a description (at most 400 characters) and 3 to 8 hashtags (each "#" followed by letters, digits or "_").`,
    input.title ? `Source title: ${input.title}` : '',
    `Script:\n${input.scenes.map((s) => s.text).join('\n')}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}
