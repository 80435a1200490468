import { describe, expect, it } from 'vitest';
import { findNumberPhrase, buildSentencePool } from './sentence-pool.ts';
import { shortenSentence, tidySentence } from './shorten.ts';

describe('shortenSentence', () => {
  it('keeps the main clause and drops trailing clauses and short insertions', () => {
    expect(shortenSentence("Copenhagen switched on one of Europe's largest seawater heat pumps on Tuesday, a plant that will warm about 25,000 homes by pulling heat out of the harbour.", 'en', 14)).toBe(
      "Copenhagen switched on one of Europe's largest seawater heat pumps on Tuesday.",
    );
    expect(shortenSentence('The installation cost 1.1 billion Danish kroner, roughly 150 million euros, and took three years to build.', 'en', 14)).toBe(
      'The installation cost 1.1 billion Danish kroner and took three years to build.',
    );
  });

  it('never leaves a quotation without its speaker or open', () => {
    expect(shortenSentence('"People assume the sea is too cold to heat anything in February," said Anders Holm, the engineer who led the project.', 'en', 14)).toBe(
      '"People assume the sea is too cold to heat anything in February," said Anders Holm.',
    );
    const quote = '«Студенты просили об этом годами: общежития переполнены, а заниматься по ночам негде», — рассказала директор библиотеки Анна Мельникова.';
    expect(shortenSentence(quote, 'ru', 8)).toBe(quote);
  });

  it('prefers commas to dashes in Russian and removes leading connectors and parentheses', () => {
    expect(shortenSentence('В фонде библиотеки около 30 тысяч книг, из них пять тысяч — на финском и карельском языках.', 'ru', 10)).toBe('В фонде библиотеки около 30 тысяч книг.');
    expect(tidySentence('Однако зал (бывший почтамт) открыт ночью.', 'ru')).toBe('Зал открыт ночью.');
    expect(tidySentence('However, the plant (built in 2021) is big', 'en')).toBe('The plant is big.');
  });
});

describe('sentence pool', () => {
  it('finds figures with their units but not dates or bare years', () => {
    expect(findNumberPhrase('It will warm about 25,000 homes.')).toBe('25,000 homes');
    expect(findNumberPhrase('A 70-megawatt installation.')).toBe('70-megawatt installation');
    expect(findNumberPhrase('Emissions fall by 60 percent.')).toBe('60 percent');
    expect(findNumberPhrase('Потратили 48 миллионов рублей.')).toBe('48 миллионов рублей');
    expect(findNumberPhrase('В фонде около 30 000 книг.')).toBe('30 000 книг');
    expect(findNumberPhrase('Открылась 2 октября, в 2026 году будет ещё.')).toBeNull();
    expect(findNumberPhrase('It opened on 12 March.')).toBeNull();
  });

  it('ranks the lead and fact-rich sentences above pronoun openers and speakerless quotes', () => {
    const pool = buildSentencePool(
      'Oslo opened a 40-metre sauna on the harbour on Monday. It is big. "We love it." The sauna cost 2 million kroner, city officials said.',
      'Oslo opens a harbour sauna',
      'en',
    );
    const rank = (start: string) => pool.find((s) => s.text.startsWith(start))?.rank ?? Number.NaN;
    expect(rank('Oslo opened')).toBeGreaterThan(rank('The sauna cost'));
    expect(rank('The sauna cost')).toBeGreaterThan(rank('It is big'));
    expect(rank('It is big')).toBeGreaterThan(rank('"We love it."'));
  });
});
