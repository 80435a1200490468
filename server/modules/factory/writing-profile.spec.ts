import { describe, expect, it } from 'vitest';
import type { GeneratedScene } from '../../../contracts/script.ts';
import { STORIES } from '../news/testing/stories.ts';
import { mentions, topicOf } from './learning.ts';
import { pickVariant, ruleKindOf, rulesFromNotes } from './writing-profile.ts';

const hook: GeneratedScene = {
  id: 's1',
  role: 'hook',
  targetWords: 10,
  variants: [
    { id: 's1-v1', style: 'question', text: 'Do octopuses dream like we do?', words: 6, seconds: 2.4, score: 90 },
    { id: 's1-v2', style: 'bold', text: 'Octopuses dream, scientists say.', words: 4, seconds: 1.6, score: 80 },
    { id: 's1-v3', style: 'number', text: '30 octopuses showed two stages of sleep.', words: 7, seconds: 2.8, score: 70 },
  ],
};

describe('writing profile offline', () => {
  it('reads rules in English and Russian as kinds the offline writer follows', () => {
    expect(ruleKindOf('Never open with a question')).toBe('no-question-hook');
    expect(ruleKindOf("Don't start the hook with a question")).toBe('no-question-hook');
    expect(ruleKindOf('Always give the number in the hook')).toBe('number-in-hook');
    expect(ruleKindOf('Никогда не начинай с вопроса')).toBe('no-question-hook');
    expect(ruleKindOf('Всегда давай цифру в начале')).toBe('number-in-hook');
    expect(ruleKindOf('Сделай короче')).toBe('shorter');
    expect(ruleKindOf('Mention the mayor')).toBeNull();
  });

  it('keeps lasting rules of a note and drops one-off fixes', () => {
    expect(rulesFromNotes('Never open with a question. Fix the typo in scene 2.\nAlways give the number in the hook!')).toEqual([
      'Never open with a question',
      'Always give the number in the hook',
    ]);
    expect(rulesFromNotes('The second scene repeats the first')).toEqual([]);
  });

  it('picks the best variant that keeps the hook rules, and the best one without rules', () => {
    expect(pickVariant(hook, []).id).toBe('s1-v1');
    expect(pickVariant(hook, ['no-question-hook']).id).toBe('s1-v2');
    expect(pickVariant(hook, ['no-question-hook', 'number-in-hook']).id).toBe('s1-v3');
    expect(pickVariant(hook, ['shorter']).id).toBe('s1-v2');
    expect(pickVariant(hook, [], 'Do octopuses dream like we do?').id).toBe('s1-v2');
  });
});

describe('what a boring-topic rejection avoids', () => {
  it('is the title word the story repeats most, not a name', () => {
    const tram = STORIES[0]!;
    expect(topicOf(tram.title, tram.paragraphs.join('\n'))).toBe('tram');
    expect(topicOf('В Новосибирске открылся круглогодичный крытый велопарк', 'Велопарк открыт круглый год.')).toBe('велопарк');
    expect(mentions('Two new trams arrive', 'tram')).toBe(true);
    expect(mentions('Instrumental music', 'tram')).toBe(false);
  });
});
