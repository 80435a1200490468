import { describe, expect, it } from 'vitest';
import { cleanTitle } from './article-title.ts';
import { cleanByline, isFurniture, splitCredit, takeDateline } from './furniture-text.ts';

describe('takeDateline', () => {
  it.each([
    ['CAIRO — Gunmen opened fire on tourists at the national museum.', 'Cairo', 'Gunmen opened fire'],
    ['WASHINGTON (Reuters) - The Senate passed the bill late on Tuesday.', 'Washington', 'The Senate passed'],
    ['TUNIS, Tunisia — Nineteen people were killed on Wednesday.', 'Tunis, Tunisia', 'Nineteen people'],
    ['МОСКВА, 12 марта — РИА Новости. Госдума приняла закон в первом чтении.', 'Москва', 'Госдума приняла'],
    ['NEW YORK -- Stocks fell sharply in early trading on Monday.', 'New York', 'Stocks fell'],
  ])('%s', (paragraph, place, start) => {
    const result = takeDateline(paragraph);
    expect(result.place).toBe(place);
    expect(result.text.startsWith(start)).toBe(true);
  });

  it('leaves sentences that only start with capitals alone', () => {
    expect(takeDateline('NASA said on Monday that the launch — planned for May — is delayed.').place).toBeNull();
    expect(takeDateline('The US — and Europe — disagree.').place).toBeNull();
  });
});

describe('furniture rules', () => {
  it.each([
    ['JIM WATSON/AFP/Getty Images', 'paragraph'],
    ['Advertisement', 'paragraph'],
    ['SIGN UP FOR OUR NEWSLETTER', 'paragraph'],
    ['1:39 PM ET', 'paragraph'],
    ['2/26/2015 7:11 AM PST BY TMZ STAFF', 'paragraph'],
    ['Feb. 21, 2019', 'paragraph'],
    ['Israeli Prime Minister Benjamin Netanyahu reacts at the Western Wall. (Thomas Coex/AFP/Getty Images)', 'paragraph'],
    ['Lucas Nolan is a reporter for Breitbart Tech. Follow him on Twitter @LucasNolan_', 'paragraph'],
    ['Фото: пресс-служба МЧС', 'paragraph'],
    ['Читайте также: Почему в Сибири стало больше волков', 'paragraph'],
    ['Map: Flow of foreign fighters to Syria', 'paragraph'],
    ['Comments (74 posted)', 'paragraph'],
  ] as const)('%s is furniture', (text, kind) => {
    expect(isFurniture({ text, kind })).toBe(true);
  });

  it.each([
    ['Maybe I should define literally.', 'paragraph'],
    ['The Birth of Chaos', 'heading'],
    ['Uber had an interesting, if predictable, response to the panic and mayhem: It raised prices. A lot.', 'paragraph'],
    ['Ветер повалил более 300 деревьев.', 'paragraph'],
  ] as const)('%s is story', (text, kind) => {
    expect(isFurniture({ text, kind })).toBe(false);
  });

  it('splits a caption from its credit', () => {
    expect(splitCredit('Netanyahu at the Western Wall. (Thomas Coex/AFP/Getty Images)')).toEqual({ caption: 'Netanyahu at the Western Wall.', credit: 'Thomas Coex/AFP/Getty Images' });
    expect(splitCredit('Поваленные деревья. Фото: Иван Петров / ТАСС')).toEqual({ caption: 'Поваленные деревья.', credit: 'Иван Петров / ТАСС' });
  });

  it('cleans bylines', () => {
    expect(cleanByline('by Lucas Nolan22 Dec 2016651')).toBe('Lucas Nolan');
    expect(cleanByline('Sarah Archer 1:39 PM ET')).toBe('Sarah Archer');
    expect(cleanByline('Текст: Марат Гилязов')).toBe('Марат Гилязов');
    expect(cleanByline('Sunday, Feb 1, 2015 11:57 AM UTC')).toBeNull();
  });
});

describe('cleanTitle', () => {
  const context = { siteName: null, byline: null, host: null, headings: [] };
  it.each([
    ['Whale strandings rise in New Zealand | Eleanor Ainge Roy', { ...context, byline: 'Eleanor Ainge Roy' }, 'Whale strandings rise in New Zealand'],
    ['Attack stokes fears — BBC News', { ...context, siteName: 'BBC News' }, 'Attack stokes fears'],
    ['Mozilla - Wikipedia', { ...context, headings: ['Mozilla'] }, 'Mozilla'],
    ['The Guardian - Floods in Kent', { ...context, siteName: 'The Guardian' }, 'Floods in Kent'],
    ['Nytimes – Markets fall', { ...context, host: 'nytimes.com' }, 'Markets fall'],
    ['Dress -- STOLEN!!!', context, 'Dress -- STOLEN!!!'],
  ])('%s', (title, ctx, expected) => {
    expect(cleanTitle(title, ctx)).toBe(expected);
  });
});
