import { describe, expect, it } from 'vitest';
import { compressSentence, fragmentReason, tidySentence } from './compress.ts';
import { findFigure } from './sentences.ts';

describe('compressSentence', () => {
  it('keeps the main clause and drops trailing clauses and short asides', () => {
    expect(compressSentence("Copenhagen switched on one of Europe's largest seawater heat pumps on Tuesday, a plant that will warm about 25,000 homes by pulling heat out of the harbour.", 'en', 14)).toBe(
      "Copenhagen switched on one of Europe's largest seawater heat pumps on Tuesday.",
    );
    expect(compressSentence('The installation cost 1.1 billion Danish kroner, roughly 150 million euros, and took three years to build.', 'en', 14)).toBe(
      'The installation cost 1.1 billion Danish kroner and took three years to build.',
    );
  });

  it('keeps a main clause that follows "and, in <time>," and drops a second predicate of the same subject', () => {
    const lawsuit = 'Arduino LLC did not care for the petition to the USPTO and, in January 2015, the company filed a trademark-infringement lawsuit against Arduino SRL.';
    expect(compressSentence(lawsuit, 'en', 10)).not.toBe('Arduino LLC did not care for the petition to the USPTO and, in January 2015.');
    expect(fragmentReason('Arduino LLC did not care for the petition to the USPTO and, in January 2015.', 'en')).toBe('ends on an interrupted clause');
    expect(compressSentence('Robert Mugabe and his wife Grace are under house arrest at the Blue House compound in Harare and are insisting he finishes his presidential term.', 'en', 18)).toBe(
      'Robert Mugabe and his wife Grace are under house arrest at the Blue House compound in Harare.',
    );
  });

  it('never leaves a quotation without its speaker or open', () => {
    expect(compressSentence('"People assume the sea is too cold to heat anything in February," said Anders Holm, the engineer who led the project.', 'en', 14)).toBe(
      '"People assume the sea is too cold to heat anything in February," said Anders Holm.',
    );
    const quote = '«Студенты просили об этом годами: общежития переполнены, а заниматься по ночам негде», — рассказала директор библиотеки Анна Мельникова.';
    expect(compressSentence(quote, 'ru', 8)).toBe(quote);
  });

  it('never cuts inside a phrase or a list, and keeps the main verb', () => {
    const plan = "Anyone who has ever closed a billion-dollar deal will tell you that you don't go in without a clear, well thought out plan.";
    expect(compressSentence(plan, 'en', 12)).toBe(plan);
    const summer = 'In the summer of 1898, the Scottish chemist Sir William Ramsay made a discovery that would give Paris its glow.';
    expect(compressSentence(summer, 'en', 8)).toBe(summer);
    const thaw = 'The thaw, much welcomed by many New Yorkers, worried Tasos Georgelis, deputy commissioner for water and sewer operations.';
    expect(compressSentence(thaw, 'en', 8)).not.toBe('The thaw, much welcomed by many New Yorkers.');
    expect(compressSentence('Eloise Parry, 21, was taken to Royal Shrewsbury hospital on 12 April after taking a lethal dose.', 'en', 16)).toBe(
      'Eloise Parry was taken to Royal Shrewsbury hospital on 12 April after taking a lethal dose.',
    );
  });

  it('prefers commas to dashes in Russian and removes leading connectors and parentheses', () => {
    expect(compressSentence('В фонде библиотеки около 30 тысяч книг, из них пять тысяч — на финском и карельском языках.', 'ru', 10)).toBe('В фонде библиотеки около 30 тысяч книг, из них пять тысяч — на финском и карельском языках.');
    expect(compressSentence('Музей открылся в 2019 году, когда в город вернулась коллекция.', 'ru', 6)).toBe('Музей открылся в 2019 году.');
    expect(tidySentence('Однако зал (бывший почтамт) открыт ночью.', 'ru')).toBe('Зал открыт ночью.');
    expect(tidySentence('However, the plant (built in 2021) is big', 'en')).toBe('The plant is big.');
  });
});

describe('fragmentReason', () => {
  it.each([
    ['22-year.', 'en'],
    ['It was my roughly 30-minute.', 'en'],
    ['After the program was discontinued.', 'en'],
    ['Using the boiling point of argon as a reference point.', 'en'],
    ['The tweet from Vulture magazine reads the.', 'en'],
    ['attack stokes instability fears in North Africa.', 'en'],
    ['Did you know attack stokes instability fears in North Africa', 'en'],
    ['Когда музей закрылся на ремонт.', 'ru'],
    ['В музее было около.', 'ru'],
  ] as const)('"%s" is a fragment', (text, language) => {
    expect(fragmentReason(text, language)).not.toBeNull();
  });

  it.each([
    ['Gunmen killed 19 people at the national museum in Tunis on Wednesday.', 'en'],
    ['"We lost everything," one survivor said.', 'en'],
    ['В Петрозаводске открылась ночная библиотека.', 'ru'],
  ] as const)('"%s" is a sentence', (text, language) => {
    expect(fragmentReason(text, language)).toBeNull();
  });
});

describe('findFigure', () => {
  it('finds figures with their units but not dates or bare years', () => {
    expect(findFigure('It will warm about 25,000 homes.')).toBe('25,000 homes');
    expect(findFigure('Emissions fall by 60 percent.')).toBe('60 percent');
    expect(findFigure('The dress is valued at $150,000.')).toBe('$150,000');
    expect(findFigure('Потратили 48 миллионов рублей.')).toBe('48 миллионов рублей');
    expect(findFigure('Открылась 2 октября, в 2026 году будет ещё.')).toBeNull();
    expect(findFigure('It opened on 12 March.')).toBeNull();
    expect(findFigure('He visited on March 18.')).toBeNull();
    expect(findFigure('In 31 to 40 percent of cases')).toBe('31');
  });
});
