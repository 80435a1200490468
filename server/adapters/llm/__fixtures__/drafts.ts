import type { ScenePlan } from '../prompts.ts';

const WORDS =
  'Copenhagen switched on a seawater heat pump that warms twenty five thousand homes by pulling heat from the harbour even in the coldest weeks of winter while the city keeps its promise to cut carbon'.split(
    ' ',
  );

/** Text of exactly `count` words taken from a real sentence, ending with a full stop. */
export function wordsOf(count: number, shift = 0): string {
  const out = Array.from({ length: count }, (_, i) => WORDS[(i + shift) % WORDS.length]);
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A script draft as a well-behaved model would return it for `plan`, scaled by `scale`. */
export function scriptDraft(plan: ScenePlan[], scale = 1) {
  return {
    scenes: plan.map((scene, i) => ({
      role: scene.role,
      variants: [
        { style: 'question', text: wordsOf(Math.max(2, Math.round(scene.words * scale)), i).replace(/\.$/, '?'), score: 81 },
        { style: 'bold', text: wordsOf(Math.max(2, Math.round(scene.words * scale)), i + 3), score: 74 },
        { style: 'plain', text: wordsOf(Math.max(2, Math.round(scene.words * scale)), i + 7), score: 66 },
      ],
    })),
  };
}

export const ANALYSIS_DRAFT = {
  score: 72,
  breakdown: { hook: 80, news: 90, emotion: 40, clarity: 75, audience: 70 },
  verdict: 'Strong, fresh story with clear numbers; add some emotion in the hook.',
  keyFacts: ['The plant will warm about 25,000 homes.'],
  recommendedFormat: 'news',
};
