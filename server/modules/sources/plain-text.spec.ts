import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFromPlainText } from './plain-text.ts';

describe('articleFromPlainText', () => {
  it('reads Markdown: heading as title, lists as paragraphs, images collected, links kept as words', () => {
    const article = articleFromPlainText(readFileSync(new URL('./__fixtures__/en-notes.md', import.meta.url), 'utf8'));
    expect(article.title).toBe('How to keep basil alive on a windowsill');
    expect(article.lead).toBe('Most supermarket basil dies within two weeks. That is not your fault: the pots are packed with up to 30 seedlings that compete for water and light.');
    expect(article.text).toContain('\n\nWater from below, every two or three days.\n\n');
    expect(article.text).toContain('See the full guide for more.');
    expect(article.text).not.toMatch(/[*#![\]]/);
    expect(article.images).toEqual(['https://example.org/img/basil.jpg']);
    expect(article.language).toBe('en');
  });

  it('takes a short first line as the title of pasted text', () => {
    const article = articleFromPlainText('Ночная библиотека\n\nВ Петрозаводске открылась библиотека. Она работает круглосуточно.');
    expect(article.title).toBe('Ночная библиотека');
    expect(article.text).toBe('В Петрозаводске открылась библиотека. Она работает круглосуточно.');
    expect(article.language).toBe('ru');
    expect(article.wordCount).toBe(7);
  });

  it('keeps a one-sentence idea as both title and text', () => {
    const article = articleFromPlainText('Why cats sleep sixteen hours a day.');
    expect(article.title).toBe('Why cats sleep sixteen hours a day');
    expect(article.text).toBe('Why cats sleep sixteen hours a day.');
  });

  it('drops fenced code and rejects empty input', () => {
    expect(articleFromPlainText('Intro line.\n\n```\nconst x = 1;\n```\n\nOutro line.').text).toBe('Intro line.\n\nOutro line.');
    expect(() => articleFromPlainText(' \n\n ')).toThrow(/empty/);
  });
});
