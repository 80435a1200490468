import type { Prediction } from '../../../contracts/performance.ts';
import { stage1Schema, stage2Schema, stage3Schema, stage4Schema } from '../../../contracts/step-data.ts';
import type { Step } from '../../../contracts/steps.ts';
import { classifyContent } from '../analysis/content-kind.ts';

/** What the render itself knows: the video's length and the music under it. */
export interface RenderFacts {
  durationSec: number;
  /** A generated mood, 'own' for an uploaded track, 'none' without music. */
  musicMood: string;
}

export const HOOK_STYLES = ['question', 'number', 'you', 'statement'] as const;

/** How the opening line grabs attention, read from its words (the same rule for both languages). */
export function hookStyle(text: string): (typeof HOOK_STYLES)[number] {
  const firstSentence = text.trim().split(/(?<=[.!?…])\s/u)[0] ?? '';
  if (firstSentence.includes('?')) return 'question';
  if (/\d/.test(firstSentence)) return 'number';
  if (/(?<![\p{L}])(you|your|ты|тебе|тебя|твой|вы|вам|вас|ваш)(?![\p{L}])/iu.test(firstSentence)) return 'you';
  return 'statement';
}

const dataOf = (steps: Step[], n: number) => steps.find((s) => s.stepNumber === n)?.data ?? {};

/** The numeric prediction stored when a video is rendered, from the steps it was made from. */
export function buildPrediction(steps: Step[], facts: RenderFacts, title: string): Omit<Prediction, 'renderedAt'> {
  const source = stage1Schema.safeParse(dataOf(steps, 1)).data ?? {};
  const content = stage2Schema.safeParse(dataOf(steps, 2)).data ?? {};
  const script = stage3Schema.safeParse(dataOf(steps, 3)).data ?? {};
  const voice = stage4Schema.safeParse(dataOf(steps, 4)).data ?? {};
  const scenes = script.finalScript?.scenes ?? [];
  const hook = scenes.find((scene) => scene.role === 'hook') ?? scenes[0];
  const text = content.text ?? scenes.map((s) => s.text).join(' ');
  const skippedVoice = steps.find((s) => s.stepNumber === 4)?.skipReason;
  // The narration job records the voice it used with the audio.
  const narratedBy = (voice.audio as { voice?: { provider?: string } } | undefined)?.voice?.provider;
  return {
    score: content.analysis?.score ?? null,
    breakdown: content.analysis?.breakdown ?? {},
    format: source.format ?? content.analysis?.recommendedFormat ?? null,
    durationSec: Math.round(facts.durationSec * 10) / 10,
    hookStyle: hook ? hookStyle(hook.text) : null,
    voice: voice.mode === 'tts' ? (narratedBy ?? voice.voice?.provider ?? 'tts') : voice.mode || skippedVoice ? 'own' : null,
    musicMood: facts.musicMood,
    topic: text.trim() ? classifyContent(text, content.title ?? title, source.language ?? 'en').kind : null,
  };
}
