import { expect, type Page } from '@playwright/test';
import { en } from '../../web/src/i18n/en.ts';
import { ru } from '../../web/src/i18n/ru.ts';

/**
 * Pieces of English interface text (from the catalogue, split at placeholders, at least two words)
 * that differ from the Russian ones: none may show on a Russian screen.
 */
const ENGLISH_PIECES = [
  ...new Set(
    (Object.keys(en) as Array<keyof typeof en>)
      .filter((key) => en[key] !== ru[key])
      .flatMap((key) => en[key].split(/\{\w+\}/))
      .map((piece) => piece.trim().replace(/[.:,…→]+$/, ''))
      .filter((piece) => /\p{L}+\s+\p{L}+/u.test(piece)),
  ),
];

/** Fails with the English interface texts that show on the page (user content is not checked). */
export async function expectNoEnglishInterface(page: Page) {
  const text = await page.locator('body').innerText();
  expect(ENGLISH_PIECES.filter((piece) => text.includes(piece))).toEqual([]);
}
