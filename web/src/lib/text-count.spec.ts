import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_TEXT_CHARS } from '../../../contracts/text-limits.ts';
import { sourceContentSchema } from '../../../contracts/sources.ts';
import { en } from '../i18n/en.ts';
import { translate } from '../i18n/i18n.tsx';
import { ru } from '../i18n/ru.ts';
import { textCount } from './text-count.ts';

describe('textCount', () => {
  it('counts characters as the API does, and how far over the limit', () => {
    expect(textCount('  Tides  rise\ttwice\n', 100)).toEqual({ characters: 20, over: 0 });
    expect(textCount('', 100)).toEqual({ characters: 0, over: 0 });
    expect(textCount('x'.repeat(105), 100).over).toBe(5);
  });

  it('uses the limit the server enforces', () => {
    expect(sourceContentSchema.shape.text.safeParse('x'.repeat(MAX_SOURCE_TEXT_CHARS)).success).toBe(true);
    expect(sourceContentSchema.shape.text.safeParse('x'.repeat(MAX_SOURCE_TEXT_CHARS + 1)).success).toBe(false);
  });
});

describe('counter messages', () => {
  it('say the count and the limit with plural forms and the language number marks', () => {
    expect(translate(en, 'textCounter.withWords', { characters: 1, limit: 200_000, words: 1 }, 'en')).toBe('1 character of 200,000 · 1 word');
    expect(translate(ru, 'textCounter.withWords', { characters: 1204, limit: 200_000, words: 182 }, 'ru')).toBe('1\u00a0204 символа из 200\u00a0000 · 182 слова');
    expect(translate(ru, 'textCounter.characters', { characters: 5, limit: 200_000 }, 'ru')).toBe('5 символов из 200\u00a0000');
  });

  it('warn when over the limit, naming how much to cut', () => {
    expect(translate(ru, 'textCounter.over', { characters: 200_021, limit: 200_000, over: 21 }, 'ru')).toBe(
      'Слишком длинно: 200\u00a0021 символ при пределе 200\u00a0000. Сократите на 21 символ или разделите текст на несколько видео.',
    );
    expect(translate(en, 'textCounter.over', { characters: 200_001, limit: 200_000, over: 1 }, 'en')).toContain('Cut 1 character ');
  });
});
