import { describe, expect, it } from 'vitest';
import { countWords, secondsForWords, sentenceRecords, splitParagraphs, splitSentences } from './text-units.ts';

describe('words', () => {
  it('counts numbers with separators and hyphenated words once', () => {
    expect(countWords('It cost 1.1 billion kroner, or 25,000 per co-founder — really.')).toBe(10);
    expect(countWords('На ремонт потратили 48 миллионов рублей.')).toBe(6);
    expect(countWords(' — ')).toBe(0);
  });
});

describe('splitSentences', () => {
  it('splits English prose without breaking on abbreviations, initials or decimals', () => {
    const text = 'Dr. Holm met J. K. Rowling in the U.S. on Tuesday. It cost 1.1 billion! Was it worth it? "Yes," he said. Then he left.';
    expect(splitSentences(text)).toEqual([
      'Dr. Holm met J. K. Rowling in the U.S. on Tuesday.',
      'It cost 1.1 billion!',
      'Was it worth it?',
      '"Yes," he said.',
      'Then he left.',
    ]);
  });

  it('splits Russian prose with quotes and abbreviations', () => {
    const text = 'Библиотеку открыли в 2024 г. Зал рассчитан на 120 мест. «Студенты просили об этом годами», — рассказала А. Мельникова. Вход свободный…';
    expect(splitSentences(text)).toEqual([
      'Библиотеку открыли в 2024 г. Зал рассчитан на 120 мест.',
      '«Студенты просили об этом годами», — рассказала А. Мельникова.',
      'Вход свободный…',
    ]);
  });

  it('treats every line as at least one sentence', () => {
    expect(splitSentences('Water from below\nGive it light')).toEqual(['Water from below', 'Give it light']);
  });
});

describe('paragraphs and records', () => {
  it('keeps paragraph positions', () => {
    const records = sentenceRecords('First one. Second one.\n\nThird one.');
    expect(splitParagraphs('a\n\n\nb')).toEqual(['a', 'b']);
    expect(records.map((r) => [r.paragraph, r.indexInParagraph, r.index])).toEqual([
      [0, 0, 0],
      [0, 1, 1],
      [1, 0, 2],
    ]);
    expect(records[0]?.wordCount).toBe(2);
  });

  it('turns words into seconds at a speaking rate', () => {
    expect(secondsForWords(50, 2.5)).toBe(20);
    expect(secondsForWords(7, 2)).toBe(3.5);
  });
});
