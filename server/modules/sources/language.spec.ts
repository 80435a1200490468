import { describe, expect, it } from 'vitest';
import { detectLanguage, guessLanguage } from './language.ts';

describe('detectLanguage', () => {
  it('recognises Russian, including text that quotes Latin names', () => {
    expect(detectLanguage('В Петрозаводске открылась круглосуточная библиотека.')).toBe('ru');
    expect(detectLanguage('Компания Apple представила iPhone 16 Pro и новые AirPods на презентации в Купертино.')).toBe('ru');
  });

  it('recognises English, including text with a Russian name in it', () => {
    expect(detectLanguage('Copenhagen switched on one of the largest seawater heat pumps.')).toBe('en');
    expect(detectLanguage('The novel "Война и мир" is long, but readers around the world still love it today.')).toBe('en');
  });

  it('falls back to English with zero confidence when there are no letters', () => {
    expect(guessLanguage('12 345 — 678')).toEqual({ language: 'en', confidence: 0 });
  });

  it('is confident on clean text', () => {
    expect(guessLanguage('Это обычный русский текст без латиницы.').confidence).toBe(1);
  });
});
