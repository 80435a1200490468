import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fillMessage, formatClock, messageVariables, pluralBlocks } from './format.ts';
import { formatDurationIn, translate } from './i18n.tsx';
import { ru } from './ru.ts';

describe('plural rules', () => {
  it('picks the Russian form by the number: 1 сцена, 2 сцены, 5 сцен, 21 сцена, 1,5 сцены', () => {
    const scenes = (n: number) => translate(ru, 'storyboard.scenes.total', { n, duration: '' }, 'ru').replace(' · ', '');
    expect([1, 2, 5, 11, 21, 1.5].map(scenes)).toEqual(['1 сцена', '2 сцены', '5 сцен', '11 сцен', '21 сцена', '1,5 сцены']);
    expect(translate(ru, 'source.wordCount', { n: 3 }, 'ru')).toBe('3 слова');
    expect(translate(ru, 'news.total', { n: 25 }, 'ru')).toBe('25 материалов');
  });

  it('picks the English form: 1 word, 2 words, and formats the number with the language’s marks', () => {
    expect(translate(en, 'source.wordCount', { n: 1 }, 'en')).toBe('1 word');
    expect(translate(en, 'source.wordCount', { n: 1200 }, 'en')).toBe('1,200 words');
    expect(translate(ru, 'source.wordCount', { n: 1200 }, 'ru')).toBe('1\u00a0200 слов');
  });

  it('reads the variables of plural blocks and plain placeholders alike', () => {
    const text = '{n, plural, one {# scene} other {# scenes}} · {duration}';
    expect(messageVariables(text)).toEqual(['duration', 'n']);
    expect(pluralBlocks(text)).toEqual([{ name: 'n', categories: ['one', 'other'] }]);
    expect(fillMessage(text, { n: 2 }, 'en')).toBe('2 scenes · {duration}');
  });
});

describe('numbers, durations and clock times', () => {
  it('writes a decimal comma in Russian and a point in English', () => {
    expect(fillMessage('{x}', { x: 41.5 }, 'ru')).toBe('41,5');
    expect(fillMessage('{x}', { x: 41.5 }, 'en')).toBe('41.5');
  });

  it('says durations in the language’s units, in minutes from a minute on', () => {
    expect(formatDurationIn(en, 'en', 45)).toBe('45 s');
    expect(formatDurationIn(ru, 'ru', 45)).toBe('45 с');
    expect(formatDurationIn(ru, 'ru', 45.8, 1)).toBe('45,8 с');
    expect(formatDurationIn(en, 'en', 65)).toBe('1 min 5 s');
    expect(formatDurationIn(ru, 'ru', 120)).toBe('2 мин');
    expect(formatDurationIn(ru, 'ru', 59.7)).toBe('1 мин');
  });

  it('formats a position in a recording as minutes and seconds', () => {
    expect(formatClock(0, 'en')).toBe('0:00.0');
    expect(formatClock(75.44, 'en')).toBe('1:15.4');
    expect(formatClock(75.44, 'ru')).toBe('1:15,4');
    expect(formatClock(59.96, 'en')).toBe('0:59.9');
  });
});
