import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMAT_IDS, FORMATS, SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import type { GeneratedScript, WriteScriptInput } from '../../../contracts/script.ts';
import { generatedScriptSchema } from '../../../contracts/script.ts';
import { countWords, splitSentences } from '../analysis/text-units.ts';
import { extractArticle } from '../sources/extract-article.ts';
import { writeScriptOffline } from './offline-writer.ts';

const sourceFixture = (name: string) => readFileSync(new URL(`../sources/__fixtures__/${name}`, import.meta.url), 'utf8');
const en = extractArticle(sourceFixture('en-news-cluttered.html'));
const ru = extractArticle(sourceFixture('ru-news-cluttered.html'));

function expectWellFormed(script: GeneratedScript, input: WriteScriptInput): void {
  expect(generatedScriptSchema.parse(script)).toEqual(script);
  const roles = script.scenes.map((s) => s.role);
  expect(roles[0]).toBe('hook');
  expect(roles.at(-1)).toBe('cta');
  expect(roles.slice(1, -1).length).toBeGreaterThan(0);
  expect(roles.slice(1, -1).every((r) => r === 'body')).toBe(true);
  script.scenes.forEach((scene, i) => {
    expect(scene.id).toBe(`s${i + 1}`);
    expect(scene.variants.length).toBeGreaterThanOrEqual(3);
    expect(new Set(scene.variants.map((v) => v.style)).size).toBe(scene.variants.length);
    scene.variants.forEach((variant, k) => {
      expect(variant.id).toBe(`${scene.id}-v${k + 1}`);
      expect(variant.words).toBe(countWords(variant.text));
      expect(variant.seconds).toBe(Math.round((variant.words / SPEAKING_RATE_WPS[input.language]) * 10) / 10);
      expect(variant.text).not.toMatch(/[{}<>\\]|undefined|null|lorem|TODO/i);
      expect(variant.text.includes(String.fromCharCode(0))).toBe(false);
    });
    const scores = scene.variants.map((v) => v.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
  const best = script.scenes.reduce((sum, s) => sum + (s.variants[0]?.words ?? 0), 0);
  expect(script.totalWords).toBe(best);
  const target = input.targetSec * SPEAKING_RATE_WPS[input.language];
  expect(Math.abs(best - target) / target).toBeLessThanOrEqual(0.15);
}

/** Does the text contain the opening words of some sentence of the source? */
function quotesSource(text: string, source: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return splitSentences(source).some((sentence) => {
    const head = norm(sentence).split(' ').slice(0, 5).join(' ');
    return head.split(' ').length === 5 && norm(text).includes(head);
  });
}

describe('writeScriptOffline on articles', () => {
  for (const [label, article, language] of [['English', en, 'en'], ['Russian', ru, 'ru']] as const) {
    for (const format of FORMAT_IDS) {
      for (const targetSec of [FORMATS[format].minSec, FORMATS[format].maxSec]) {
        it(`${label} ${format} ${targetSec}s: well formed and within 15% of the target`, () => {
          const input: WriteScriptInput = { text: article.text, title: article.title, language, format, targetSec };
          expectWellFormed(writeScriptOffline(input), input);
        });
      }
    }
  }

  it('builds body scenes from the article sentences, in reading order', () => {
    const script = writeScriptOffline({ text: en.text, title: en.title, language: 'en', format: 'explainer', targetSec: 55 });
    const bodies = script.scenes.filter((s) => s.role === 'body');
    for (const body of bodies) expect(quotesSource(body.variants.find((v) => v.style === 'plain')?.text ?? '', en.text)).toBe(true);
    const positions = bodies.map((b) => {
      const plain = b.variants.find((v) => v.style === 'plain')?.text ?? '';
      return en.text.indexOf(plain.split(' ').slice(0, 4).join(' '));
    });
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('writes Russian scripts in Russian', () => {
    const script = writeScriptOffline({ text: ru.text, title: ru.title, language: 'ru', format: 'news', targetSec: 20 });
    for (const variant of script.scenes.flatMap((s) => s.variants)) {
      expect(variant.text).toMatch(/\p{Script=Cyrillic}/u);
      expect(variant.text).not.toMatch(/\p{Script=Latin}/u);
    }
    expect(script.scenes[0]?.variants.map((v) => v.text).join(' ')).toContain('Петрозаводск');
  });

  it('is deterministic', () => {
    const input: WriteScriptInput = { text: en.text, title: en.title, language: 'en', format: 'hook-story', targetSec: 40 };
    expect(writeScriptOffline(input)).toEqual(writeScriptOffline(input));
  });

  it('numbers listicle points and leads number-first variants with a figure', () => {
    const script = writeScriptOffline({ text: en.text, title: en.title, language: 'en', format: 'listicle', targetSec: 45 });
    const bodies = script.scenes.filter((s) => s.role === 'body');
    bodies.forEach((body, i) => body.variants.forEach((v) => expect(v.text.startsWith(['Number one.', 'Number two.', 'Number three.', 'Number four.', 'Number five.', 'Number six.'][i] ?? '?')).toBe(true)));
    const numberFirst = script.scenes.flatMap((s) => s.variants).filter((v) => v.style === 'number');
    expect(numberFirst.length).toBeGreaterThan(0);
    for (const v of numberFirst) expect(v.text).toMatch(/\p{N}/u);
  });
});

describe('writeScriptOffline on ideas', () => {
  it.each([
    ['en', 'Why cats sleep sixteen hours a day', 'hook-story', 40],
    ['ru', 'Почему кошки спят по 16 часов в сутки', 'explainer', 55],
    ['en', 'Remote work is making cities quieter. Cafés in business districts are closing at lunch.', 'hot-take', 25],
    ['ru', 'Электросамокаты пора запретить на тротуарах.', 'news', 20],
  ] as const)('%s idea "%s" gives a usable %s script', (language, idea, format, targetSec) => {
    const input: WriteScriptInput = { text: idea, language, format, targetSec };
    const script = writeScriptOffline(input);
    expectWellFormed(script, input);
    const best = script.scenes.map((s) => s.variants[0]?.text ?? '');
    expect(new Set(best).size).toBe(best.length);
    const keyword = idea.split(' ')[1]?.toLowerCase() ?? '';
    expect(best[0]?.toLowerCase()).toContain(keyword);
    const scriptText = best.join(' ');
    for (const sentence of splitSentences(scriptText)) expect(scriptText.split(sentence).length - 1).toBeLessThanOrEqual(1);
  });
});
