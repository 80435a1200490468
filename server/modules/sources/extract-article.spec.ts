import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceImportError } from './article.ts';
import { extractArticle } from './extract-article.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('extractArticle on a cluttered English news page', () => {
  const article = extractArticle(fixture('en-news-cluttered.html'), { url: 'https://www.northernledger.example/climate/harbour-pump' });

  it('keeps the story and its paragraphs', () => {
    expect(article.title).toBe('Copenhagen switches on a harbour heat pump for 25,000 homes');
    expect(article.lead).toMatch(/^Copenhagen switched on one of Europe's largest seawater heat pumps/);
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs).toHaveLength(8);
    expect(paragraphs.at(-1)).toMatch(/^For residents, nothing visible changes/);
    expect(article.wordCount).toBeGreaterThan(250);
  });

  it('drops navigation, ads, cookie banner, related links, newsletter box and comments', () => {
    for (const clutter of ['Subscribe', 'Advertisement', 'energy drink', 'cookies', 'Related stories', 'Sign up', 'what about the fish', 'Most read', 'All rights reserved', 'Photo: Jonas Berg']) {
      expect(article.text).not.toContain(clutter);
    }
  });

  it('reads date, author, site name and images from the page metadata', () => {
    expect(article.publishedAt).toBe('2024-03-12T06:30:00.000Z');
    expect(article.byline).toBe('Maria Lindqvist');
    expect(article.siteName).toBe('The Northern Ledger');
    expect(article.language).toBe('en');
    expect(article.leadImage).toBe('https://cdn.northernledger.example/images/harbour-pump-1200.jpg');
    expect(article.images).toContain('https://www.northernledger.example/images/pump-diagram.png');
    expect(article.images.every((url) => url.startsWith('https://'))).toBe(true);
    expect(article.images.some((url) => url.includes('ads.example'))).toBe(false);
  });
});

describe('extractArticle on a cluttered Russian news page', () => {
  const article = extractArticle(fixture('ru-news-cluttered.html'), { url: 'https://onega-vestnik.example/news/2024/10/library' });

  it('extracts the Russian story without the site name, ads or comments', () => {
    expect(article.title).toBe('В Петрозаводске открылась круглосуточная библиотека');
    expect(article.language).toBe('ru');
    expect(article.lead).toMatch(/^В Петрозаводске 2 октября открылась/);
    expect(article.text.split('\n\n')).toHaveLength(6);
    for (const clutter of ['Кредит', 'Окна ПВХ', 'Наконец-то', 'Популярное', 'Поделиться', 'Теги']) {
      expect(article.text).not.toContain(clutter);
    }
  });

  it('reads meta date and author and resolves protocol-relative and relative images', () => {
    expect(article.publishedAt).toBe('2024-10-03T06:15:00.000Z');
    expect(article.byline).toBe('Ирина Соколова');
    expect(article.siteName).toBe('Онежский вестник');
    expect(article.leadImage).toBe('https://static.onega-vestnik.example/photo/library-main.jpg');
    expect(article.images).toEqual(['https://onega-vestnik.example/upload/2024/10/zal.jpg']);
  });
});

describe('extractArticle on a minimal blog page', () => {
  it('uses a <time> tag for the date and drops the "Posted ..." line', () => {
    const article = extractArticle(fixture('en-blog-minimal.html'), { url: 'https://blog.example/alarm' });
    expect(article.publishedAt).toBe('2023-11-05T00:00:00.000Z');
    expect(article.lead).toMatch(/^For ten years my phone woke me up/);
    expect(article.siteName).toBe('blog.example');
    expect(article.leadImage).toBeNull();
  });
});

describe('extractArticle refusals', () => {
  it('says when a page has no article', () => {
    const page = '<html><body><nav><a href="/">Home</a></nav><p>Welcome!</p></body></html>';
    expect(() => extractArticle(page)).toThrow(SourceImportError);
    expect(() => extractArticle(page)).toThrow(/no article text/);
    expect(() => extractArticle('   ')).toThrow(/empty/);
  });
});
