import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysisResultSchema } from '../../../contracts/analysis.ts';
import { extractArticle } from '../sources/extract-article.ts';
import { articleFromPlainText } from '../sources/plain-text.ts';
import { analyseOffline } from './offline-analyser.ts';

const sourceFixture = (name: string) => readFileSync(new URL(`../sources/__fixtures__/${name}`, import.meta.url), 'utf8');
const en = extractArticle(sourceFixture('en-news-cluttered.html'));
const ru = extractArticle(sourceFixture('ru-news-cluttered.html'));
const at = (iso: string) => () => new Date(iso);
const dayAfterEn = at('2024-03-13T08:00:00Z');

describe('analyseOffline on real articles', () => {
  const enResult = analyseOffline({ text: en.text, title: en.title, publishedAt: en.publishedAt }, { now: dayAfterEn });
  const ruResult = analyseOffline({ text: ru.text, title: ru.title, publishedAt: ru.publishedAt }, { now: at('2024-10-20T08:00:00Z') });

  it('returns the contract schema with every score in range', () => {
    expect(analysisResultSchema.parse(enResult)).toEqual(enResult);
    expect(analysisResultSchema.parse(ruResult)).toEqual(ruResult);
  });

  it('is deterministic for the same input and clock', () => {
    expect(analyseOffline({ text: en.text, title: en.title, publishedAt: en.publishedAt }, { now: dayAfterEn })).toEqual(enResult);
  });

  it('answers in the text language with key facts from the text', () => {
    expect(enResult.language).toBe('en');
    expect(enResult.verdict).toMatch(/^(Strong|Good|Usable|Weak) material/);
    expect(enResult.keyFacts.some((f) => f.includes('1.1 billion Danish kroner'))).toBe(true);
    expect(enResult.keyFacts.every((f) => en.text.includes(f))).toBe(true);
    expect(enResult.keyFacts.some((f) => f.startsWith('Electricity is the main running cost'))).toBe(false);
    expect(ruResult.language).toBe('ru');
    expect(ruResult.verdict).toMatch(/^(Сильный|Хороший|Рабочий|Слабый) материал/);
    expect(ruResult.keyFacts.some((f) => f.includes('48 миллионов рублей'))).toBe(true);
  });

  it('estimates speaking time at the language rate', () => {
    expect(enResult.speakingTimeSec).toBe(Math.round((enResult.wordCount / SPEAKING_RATE_WPS.en) * 10) / 10);
    expect(ruResult.speakingTimeSec).toBe(Math.round((ruResult.wordCount / SPEAKING_RATE_WPS.ru) * 10) / 10);
  });

  it('weights the breakdown into the score', () => {
    const b = enResult.breakdown;
    expect(enResult.score).toBe(Math.round(0.25 * b.hook + 0.2 * b.news + 0.15 * b.emotion + 0.2 * b.clarity + 0.2 * b.audience));
  });
});

describe('freshness uses the publish date and the injected clock', () => {
  const input = { text: en.text, title: en.title, publishedAt: en.publishedAt };

  it('scores news value down as the article ages and stops recommending the news format', () => {
    const fresh = analyseOffline(input, { now: dayAfterEn });
    const monthOld = analyseOffline(input, { now: at('2024-04-05T08:00:00Z') });
    const old = analyseOffline(input, { now: at('2026-03-12T08:00:00Z') });
    expect(fresh.breakdown.news).toBeGreaterThan(monthOld.breakdown.news);
    expect(monthOld.breakdown.news).toBeGreaterThan(old.breakdown.news);
    expect(fresh.recommendedFormat).toBe('news');
    expect(old.recommendedFormat).not.toBe('news');
  });

  it('falls back to words like "yesterday" without a date', () => {
    const clock = at('2024-03-13T08:00:00Z');
    const dated = analyseOffline({ text: 'The mayor opened a new bridge yesterday. It cost 3 million euros.' }, { now: clock });
    const undated = analyseOffline({ text: 'The mayor opened a new bridge. It cost 3 million euros.' }, { now: clock });
    expect(dated.breakdown.news).toBeGreaterThan(undated.breakdown.news);
  });
});

describe('individual rules', () => {
  const now = at('2024-01-01T00:00:00Z');

  it('emotion rises with emotional words, exclamations and quotes', () => {
    const calm = analyseOffline({ text: 'The committee met on Monday. It reviewed the budget. The next meeting is in May.' }, { now });
    const charged = analyseOffline({ text: 'Residents were furious and afraid after the disaster! "We lost everything," one survivor said. The tragedy shocked the city.' }, { now });
    expect(charged.breakdown.emotion).toBeGreaterThan(calm.breakdown.emotion + 30);
  });

  it('clarity drops for long winding sentences', () => {
    const clear = analyseOffline({ text: 'The plant opened today. It heats homes. It uses sea water. Bills will not rise.' }, { now });
    const winding = analyseOffline({
      text: 'The installation, which notwithstanding considerable administrative complications and the extraordinarily protracted intergovernmental negotiations that preceded its authorisation, was eventually commissioned by the municipality after years of deliberation, represents what its proponents characterise as an unprecedented infrastructural accomplishment.',
    }, { now });
    expect(clear.breakdown.clarity).toBeGreaterThan(winding.breakdown.clarity + 40);
  });

  it('hook rewards numbers, curiosity and questions in the opening', () => {
    const flat = analyseOffline({ title: 'Committee update', text: 'The committee met and discussed several matters of ongoing concern to members.' }, { now });
    const sharp = analyseOffline({ title: 'Why 9 out of 10 new cafés close in a year', text: 'Why do you think 9 out of 10 new cafés close within a year? The answer surprised researchers.' }, { now });
    expect(sharp.breakdown.hook).toBeGreaterThan(flat.breakdown.hook + 30);
  });

  it('recommends formats from the text shape', () => {
    const notes = articleFromPlainText(sourceFixture('en-notes.md'));
    expect(analyseOffline({ text: notes.text.replace(/\n\n(?=Water|Give|Pinch)/g, '\n- '), title: notes.title }, { now }).recommendedFormat).toBe('listicle');
    expect(analyseOffline({ title: 'Heat pump vs gas boiler', text: 'A heat pump is cheaper to run than a gas boiler.' }, { now }).recommendedFormat).toBe('comparison');
    expect(analyseOffline({ text: 'Я считаю, что пора запретить домашние задания. Детям нужно больше гулять.' }, { now }).recommendedFormat).toBe('hot-take');
    const explainer = Array.from({ length: 12 }, (_, i) => `Step ${i + 1} explains how the pump works because heat moves from warm to cold, which means the result is cheaper heating for everyone involved in the scheme.`).join(' ');
    expect(analyseOffline({ text: explainer }, { now }).recommendedFormat).toBe('explainer');
    expect(analyseOffline({ text: 'A quiet story about a garden and the people who tend it.' }, { now }).recommendedFormat).toBe('hook-story');
  });

  it('handles a one-line idea and proposes the language when none is given', () => {
    const idea = analyseOffline({ text: 'Почему кошки спят по 16 часов в сутки' }, { now });
    expect(idea.language).toBe('ru');
    expect(idea.wordCount).toBe(8);
    expect(idea.keyFacts).toEqual(['Почему кошки спят по 16 часов в сутки']);
    expect(idea.breakdown.audience).toBeLessThan(50);
  });
});
