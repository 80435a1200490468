import { expect, it } from 'vitest';
import { SourceImportError } from './article.ts';
import { importFile, importSource } from './import-source.ts';

// Pages the extractor has thrown on: a document without tags, and a root element with an ad-like class.
const UNREADABLE = ['just words, no tags at all', '<html class="ad-free"><body><p>Short.</p></body></html>', '<', '<html><head></head></html>'];

it.each(UNREADABLE)('an HTML page it cannot read gives an article or a NO_ARTICLE import error, never another error: %s', async (html) => {
  for (const attempt of [() => importSource({ html }), async () => importFile({ name: 'page.html', content: html })]) {
    const outcome = await attempt().then(
      (article) => ({ article }),
      (error: unknown) => ({ error }),
    );
    if ('error' in outcome) {
      expect(outcome.error).toBeInstanceOf(SourceImportError);
      expect((outcome.error as SourceImportError).code).toMatch(/^(NO_ARTICLE|EMPTY_INPUT)$/);
    } else {
      expect(typeof outcome.article.text).toBe('string');
    }
  }
});
