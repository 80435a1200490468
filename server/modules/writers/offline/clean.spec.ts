import { describe, expect, it } from 'vitest';
import { cleanSource, cleanTitle, isFurnitureLine, withoutDateline } from './clean.ts';

describe('cleanSource', () => {
  it('drops captions, credits, bylines, share lines and bios, and keeps the prose', () => {
    const text = [
      'Map: Flow of foreign fighters to Syria.',
      'JIM WATSON/AFP/Getty Images',
      'By Eleanor Ainge Roy',
      'Gunmen killed 19 people at the national museum, officials said.',
      'Israeli Prime Minister Benjamin Netanyahu reacts as he visits the Western Wall. (Thomas Coex/AFP/Getty Images)',
      'Advertisement',
      'Security forces stormed the building after a three-hour standoff.',
      'SIGN UP FOR OUR NEWSLETTER',
      'Lucas Nolan is a reporter for Breitbart Tech covering issues of free speech.',
      'Фото: пресс-служба мэрии.',
      'Читайте также: Как изменятся автобусные маршруты',
      'Share this story',
    ].join('\n\n');
    expect(cleanSource(text, '', 'en').paragraphs).toEqual(['Gunmen killed 19 people at the national museum, officials said.', 'Security forces stormed the building after a three-hour standoff.']);
  });

  it('removes datelines and timestamps before the news, in both languages', () => {
    expect(withoutDateline('CAIRO — Gunmen opened fire on tourists on Wednesday.')).toBe('Gunmen opened fire on tourists on Wednesday.');
    expect(withoutDateline('WASHINGTON (Reuters) - The Senate passed the bill on Friday.')).toBe('The Senate passed the bill on Friday.');
    expect(withoutDateline('МОСКВА, 12 марта. /ТАСС/. Правительство утвердило план на следующий год.')).toBe('Правительство утвердило план на следующий год.');
    expect(withoutDateline('СЕВЕРОГОРСК, 28 ноября. В Северогорске открылась первая линия метро.')).toBe('В Северогорске открылась первая линия метро.');
    expect(withoutDateline('12:00 PM PT -- Sheriff\'s deputies were at the hotel Thursday morning.')).toBe("Sheriff's deputies were at the hotel Thursday morning.");
    expect(withoutDateline('NASA said the launch would go ahead.')).toBe('NASA said the launch would go ahead.');
  });

  it('takes the author or the site off the title', () => {
    expect(cleanTitle('Dozens of whales die in mass strandings | Eleanor Ainge Roy')).toBe('Dozens of whales die in mass strandings');
    expect(cleanTitle('Паводок в Нижнереченске — Новости региона')).toBe('Паводок в Нижнереченске');
    expect(cleanTitle('Snopes: Are There Any Un-Angry Trump Supporters?')).toBe('Snopes: Are There Any Un-Angry Trump Supporters?');
  });

  it('does not take a sentence of the story for furniture', () => {
    expect(isFurnitureLine('The photo was taken by a tourist minutes before the attack.')).toBe(false);
    expect(isFurnitureLine('Police said the suspect was arrested on Friday.')).toBe(false);
  });
});
