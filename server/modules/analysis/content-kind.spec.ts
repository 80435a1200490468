import { describe, expect, it } from 'vitest';
import { classifyContent } from './content-kind.ts';

const essay = [
  'You either are a literally abuser or know of one. Every time a person uses that word, a piece of my soul withers and dies.',
  'For whatever bizarre reason, people feel the need to use literally as a sort of verbal crutch. I think it is time we talked about it.',
  'They massacre the language, killing its meaning one dinner at a time.',
  ...Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1}: my friends say literally when they mean figuratively, and honestly I notice it at every dinner and on every train.`),
].join('\n\n');

describe('classifyContent: grave subjects', () => {
  it('a single hyperbolic word in an essay is not a grave subject', () => {
    expect(classifyContent(essay, 'On Behalf of "Literally"', 'en').grave).toBe(false);
  });

  it('a death named in the title, or returned to in the opening, is grave in both languages', () => {
    expect(classifyContent('Eloise Parry was taken to hospital on 12 April. Her mother spoke yesterday.', 'Student Dies After Diet Pills', 'en').grave).toBe(true);
    expect(classifyContent('Gunmen attacked the museum on Wednesday.\n\nNineteen people were killed, officials said.', 'Museum siege', 'en').grave).toBe(true);
    expect(classifyContent('Вода поднялась на четыре метра.\n\nШесть человек погибли, ещё 20 ранены, сообщили в МЧС.', 'Паводок в Нижнереченске', 'ru').grave).toBe(true);
  });
});

describe('classifyContent: list titles', () => {
  it('a numbered title counts as list evidence in both languages', () => {
    expect(classifyContent('Some text about games.', 'These are the 8 coolest PlayStation VR games', 'en').evidence.list).toBeGreaterThan(0);
    expect(classifyContent('Немного текста.', 'Пять привычек? Нет: 7 способов экономить на отоплении', 'ru').evidence.list).toBeGreaterThan(0);
    expect(classifyContent('Some text about games.', 'The PlayStation VR review', 'en').evidence.list).toBe(0);
  });
});
