import { describe, expect, it } from 'vitest';
import { splitPhrases } from './phrases.ts';
import { distributeWords, tidyWordTimings, wordsFromAlignment } from './word-timing.ts';
import { countSyllables, splitWords } from './words.ts';

describe('words', () => {
  it('keeps punctuation on words and attaches sound-less tokens to a neighbour', () => {
    const text = '— Well, this is it — the end... «Конец» !';
    const words = splitWords(text);
    expect(words.map((w) => w.text)).toEqual(['— Well,', 'this', 'is', 'it —', 'the', 'end...', '«Конец» !']);
    for (const word of words) expect(text.slice(word.start, word.end)).toBe(word.text);
  });

  it('estimates syllables in English, Russian, numbers and acronyms', () => {
    expect(countSyllables('make', 'en')).toBe(1);
    expect(countSyllables('people', 'en')).toBe(2);
    expect(countSyllables('unnoticed.', 'en')).toBe(4);
    expect(countSyllables('молоко', 'ru')).toBe(3);
    expect(countSyllables('здравствуйте!', 'ru')).toBe(3);
    expect(countSyllables('TV', 'en')).toBe(2);
    expect(countSyllables('2024', 'ru')).toBeGreaterThan(countSyllables('2024', 'en'));
  });
});

describe('phrases', () => {
  it('splits at sentence and clause punctuation into caption-sized phrases', () => {
    const phrases = splitPhrases('Some clips gather thousands of views, while others go unnoticed. The secret is simple: a strong opening.');
    expect(phrases.map((p) => p.text)).toEqual([
      'Some clips gather',
      'thousands of views,',
      'while others go unnoticed.',
      'The secret is simple:',
      'a strong opening.',
    ]);
    expect(phrases.map((p) => p.ending)).toEqual(['none', 'clause', 'sentence', 'clause', 'sentence']);
  });

  it('splits long clauses evenly and joins a lone introductory word to what follows', () => {
    const long = splitPhrases('one two three four five six seven eight nine');
    expect(long.map((p) => p.words.length)).toEqual([5, 4]);
    expect(long.map((p) => p.ending)).toEqual(['none', 'sentence']);
    const joined = splitPhrases('Однако, рынок упал. Итак');
    expect(joined.map((p) => p.text)).toEqual(['Однако, рынок упал.', 'Итак']);
    expect(splitPhrases('  ')).toEqual([]);
  });
});

describe('word timings', () => {
  it('shares a span among words by syllables, contiguously', () => {
    const timings = distributeWords(['a', 'extraordinary', 'cat'], 1, 3, 'en');
    expect(timings[0]?.start).toBe(1);
    expect(timings[2]?.end).toBe(3);
    expect(timings[1]!.end - timings[1]!.start).toBeGreaterThan(timings[2]!.end - timings[2]!.start);
    for (let i = 1; i < timings.length; i++) expect(timings[i]!.start).toBe(timings[i - 1]!.end);
  });

  it('groups a character alignment into the script’s words', () => {
    const text = 'Hi, big world!';
    const items = [...text].map((ch, i) => ({ text: ch, start: 0.5 + i * 0.1, end: 0.6 + i * 0.1 }));
    const words = wordsFromAlignment(text, { unit: 'character', items }, 'en');
    expect(words).toEqual([
      { word: 'Hi,', start: 0.5, end: expect.closeTo(0.8, 6) },
      { word: 'big', start: expect.closeTo(0.9, 6), end: expect.closeTo(1.2, 6) },
      { word: 'world!', start: expect.closeTo(1.3, 6), end: expect.closeTo(1.9, 6) },
    ]);
  });

  it('keeps the script’s words, spread over the aligned speech, when the provider read them differently', () => {
    const items = [...'in twenty twenty'].map((ch, i) => ({ text: ch, start: 1 + i * 0.1, end: 1.1 + i * 0.1 }));
    const words = wordsFromAlignment('in 2020', { unit: 'character', items }, 'en');
    expect(words.map((w) => w.word)).toEqual(['in', '2020']);
    expect(words[0]?.start).toBe(1);
    expect(words[1]?.end).toBeCloseTo(2.6, 6);
    const byWord = wordsFromAlignment('Hello world', { unit: 'word', items: [{ text: 'hello', start: 0, end: 0.4 }, { text: 'world', start: 0.5, end: 0.9 }] }, 'en');
    expect(byWord).toEqual([
      { word: 'Hello', start: 0, end: 0.4 },
      { word: 'world', start: 0.5, end: 0.9 },
    ]);
  });

  it('shifts, clamps and orders word times inside the clip', () => {
    const tidy = tidyWordTimings(
      [
        { word: 'a', start: 0.1, end: 0.5 },
        { word: 'b', start: 0.4, end: 0.45 },
        { word: 'c', start: 0.9, end: 2.5 },
      ],
      1.5,
      -0.2,
    );
    expect(tidy).toEqual([
      { word: 'a', start: 0, end: 0.3 },
      { word: 'b', start: 0.3, end: 0.32 },
      { word: 'c', start: 0.7, end: 1.5 },
    ]);
  });
});
