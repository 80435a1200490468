import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../sources/extract-article.ts';
import { evaluatePage, pageProblems } from './evaluate.ts';

/* The quality harness's checks on a fixed subset: five corpus pages (copied) and the Russian fixtures. */

const corpus = new URL('../__fixtures__/corpus/', import.meta.url);
const NEWS_PAGES = ['cnet', 'telegraph', 'tmz-1', 'wapo-2'];
const RU_PAGES = ['ru-news-metro', 'ru-news-flood', 'ru-explainer-heat-pump'];

function page(dir: URL, name: string) {
  const expected = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as { lang?: string; kind?: string; grave?: boolean };
  const article = extractArticle(readFileSync(new URL(`${name}.html`, dir), 'utf8'));
  return { expected, input: { name, title: article.title, text: article.text, language: (expected.lang?.slice(0, 2) ?? article.language) as 'en' | 'ru' } };
}

describe('quality harness: Russian fixtures', () => {
  const dir = new URL('../__fixtures__/ru/', import.meta.url);
  it.each(RU_PAGES)('%s passes every check, with the kind and tone a reader sees', (name) => {
    const { expected, input } = page(dir, name);
    const report = evaluatePage(input);
    expect(pageProblems(report)).toEqual([]);
    expect(report.kind).toBe(expected.kind);
    expect(report.grave).toBe(expected.grave);
    if (expected.kind === 'news') expect(report.format).toBe('news');
    expect(report.leadFacts).toBeGreaterThanOrEqual(0.5);
    const spoken = report.script.scenes.flatMap((s) => s.variants.map((v) => v.text)).join(' ');
    expect(spoken).not.toMatch(/Читайте также|Подписывайтесь на наш|Фото:|Реклама|\/Новости региона\/|НИЖНЕРЕЧЕНСК,|СЕВЕРОГОРСК,/u);
  });
});

describe('quality harness: corpus pages', () => {
  it.each(NEWS_PAGES)('%s: news recommended as news, lead facts said, no furniture, no fragment, length within 15 percent', (name) => {
    const { input } = page(corpus, name);
    const report = evaluatePage(input);
    expect(pageProblems(report)).toEqual([]);
    expect(report.kind).toBe('news');
    expect(report.format).toBe('news');
    expect(report.leadFacts).toBeGreaterThan(0);
  });

  it('news dated more than a month back is told as a story, as the CLI and web make it; undated or fresh it is news', () => {
    const { input } = page(corpus, 'telegraph');
    const now = new Date('2026-12-03T12:00:00Z');
    const old = evaluatePage({ ...input, publishedAt: '2017-11-15T10:00:00Z' }, 40, now);
    expect(old.oldNews).toBe(true);
    expect(old.format).toBe('hook-story');
    expect(pageProblems(old)).toEqual([]);
    const fresh = evaluatePage({ ...input, publishedAt: '2026-12-02T10:00:00Z' }, 40, now);
    expect(fresh.format).toBe('news');
    expect(pageProblems({ ...fresh, format: 'hook-story' })).toContain('news page recommended hook-story');
  });

  it('a grave story (a coup, troops attacking homes) gets a sober close and no engagement bait', () => {
    const report = evaluatePage(page(corpus, 'telegraph').input);
    expect(report.grave).toBe(true);
    expect(report.flippant).toBeNull();
    expect(report.script.scenes.at(-1)!.variants.every((v) => !v.text.includes('?'))).toBe(true);
  });

  it('an essay in the first person is not sold as news, and still reads cleanly', () => {
    const report = evaluatePage(page(corpus, 'medium-2').input);
    expect(report.format).not.toBe('news');
    expect(report.furniture).toBeNull();
    expect(report.fragment).toBeNull();
    expect(Math.abs(report.lengthDeviation)).toBeLessThanOrEqual(0.15);
  });
});
