import { describe, expect, it } from 'vitest';
import { CARD_PHRASE_MAX_WORDS, cardTextFromScene, figureFromText, phraseFromText, splitFigure } from './card-text.ts';

describe('card text', () => {
  it('leads with a key figure and its label', () => {
    expect(cardTextFromScene('At least 19 people were killed when the bridge collapsed on Tuesday.')).toBe('19 people killed');
    expect(cardTextFromScene('Prices rose by 15% in March, the agency said.')).toBe('+15% prices');
    expect(cardTextFromScene('В результате аварии погибли 12 человек.')).toBe('12 человек');
    expect(cardTextFromScene('Цены на нефть выросли на 15 процентов за неделю.')).toBe('+15% нефть');
    expect(splitFigure('19 people killed')).toEqual({ value: '19', label: 'people killed' });
  });

  it('does not take a year or a lone one for a figure', () => {
    expect(figureFromText('In 2019 the town built one library.')).toBeNull();
    expect(figureFromText('It took 1 day.')).toBeNull();
  });

  it('takes a short phrase as written, not a list of key words', () => {
    expect(phraseFromText('Why cats rule the internet')).toBe('Why cats rule the internet');
    expect(phraseFromText('Done? Tell us in the comments what you think.')).toBe('Tell us in the comments');
    expect(phraseFromText('And so, the small town decided to build a new library for its children.')).toBe('the small town decided to build');
    for (const text of ['Подписывайтесь, чтобы не пропустить продолжение истории о маленьком городе!', 'One two three four five six seven eight nine ten.']) {
      const phrase = phraseFromText(text);
      expect(phrase.split(' ').length).toBeLessThanOrEqual(CARD_PHRASE_MAX_WORDS);
      // Consecutive words of the scene, in order.
      expect(text.replace(/[,!.?]/g, '')).toContain(phrase);
    }
  });
});
