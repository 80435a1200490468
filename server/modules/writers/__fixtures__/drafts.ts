import type { Language } from '../../../../contracts/formats.ts';
import type { ScenePlan } from '../scene-budget.ts';

const WORDS: Record<Language, string[]> = {
  en: 'Copenhagen switched on a seawater heat pump that warms twenty five thousand homes by pulling heat from the harbour even in the coldest weeks of winter while the city keeps its promise to cut carbon'.split(' '),
  ru: 'Копенгаген запустил морской тепловой насос который греет двадцать пять тысяч домов забирая тепло из гавани даже в самые холодные недели зимы пока город держит обещание сократить выбросы'.split(' '),
};

/** Text of exactly `count` words taken from a real sentence, ending with a full stop. */
export function wordsOf(count: number, shift = 0, language: Language = 'en'): string {
  const list = WORDS[language];
  const out = Array.from({ length: count }, (_, i) => list[(i + shift) % list.length]);
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A script draft as a well-behaved model would return it for `plan`, scaled by `scale`. */
export function scriptDraft(plan: ScenePlan[], scale = 1, language: Language = 'en') {
  return {
    scenes: plan.map((scene, i) => ({
      role: scene.role,
      variants: [
        { style: 'question', text: wordsOf(Math.max(2, Math.round(scene.words * scale)), i, language).replace(/\.$/, '?'), score: 81 },
        { style: 'bold', text: wordsOf(Math.max(2, Math.round(scene.words * scale)), i + 3, language), score: 74 },
        { style: 'plain', text: wordsOf(Math.max(2, Math.round(scene.words * scale)), i + 7, language), score: 66 },
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
