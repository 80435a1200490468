import { expect, test } from '@playwright/test';
import { type NewsSite, startNewsSite } from '../server/modules/news/testing/news-site.ts';
import { en } from '../web/src/i18n/en.ts';
import { ru } from '../web/src/i18n/ru.ts';
import { createProject, registerNewUser } from './support/app.ts';
import { expectNoEnglishInterface } from './support/russian-screen.ts';

let site: NewsSite;
test.beforeAll(async () => {
  site = await startNewsSite({ port: Number(process.env.E2E_NEWS_PORT) });
});
test.afterAll(async () => {
  await site.close();
});

const groupDigits = (n: number, language: 'en' | 'ru') => new Intl.NumberFormat(language).format(n);

for (const language of ['en', 'ru'] as const) {
  test(`an import that fails says what was wrong and what to do: a feed, a listing page, a too long text (${language})`, async ({ page }) => {
    const t = language === 'en' ? en : ru;
    await registerNewUser(page);
    const projectId = await createProject(page, 'Imports');
    if (language === 'ru') await page.getByRole('button', { name: /RU/ }).click();

    // A feed's address pasted as an article: one click adds it to the feeds.
    await page.getByRole('button', { name: t['source.kind.url'] }).click();
    await page.getByLabel(t['source.url']).fill(site.feedUrl);
    await page.getByRole('button', { name: t['source.fetch'] }).click();
    const offer = page.getByTestId('feed-offer');
    await expect(offer).toContainText(t['importError.feedUrlNamed'].replace('{title}', 'Eastbrook Courier'));
    await page.screenshot({ path: `test-results/screens/import-feed-offer-${language}.png` });
    if (language === 'ru') await expectNoEnglishInterface(page);
    await offer.getByRole('button', { name: t['importError.addFeed'] }).click();
    await expect(page.getByTestId('feed-added')).toContainText(t['importError.feedAdded']);
    const feeds = (await (await page.request.get('/api/feeds')).json()) as { url: string }[];
    expect(feeds.map((f) => f.url)).toEqual([site.feedUrl]);

    // A page that lists stories is not an article.
    await page.getByLabel(t['source.url']).fill(site.homeUrl);
    await page.getByRole('button', { name: t['source.fetch'] }).click();
    await expect(page.getByRole('alert').filter({ hasText: t['importError.noArticle'] })).toBeVisible();
    await page.screenshot({ path: `test-results/screens/import-no-article-${language}.png` });

    // A huge paste names the limit in characters and words; nothing is stored.
    await page.getByRole('button', { name: t['source.kind.text'] }).click();
    await page.getByLabel(t['source.text']).fill((language === 'en' ? 'Tides rise and fall twice a day. ' : 'Приливы бывают дважды в день. ').repeat(7000));
    await page.getByRole('button', { name: new RegExp(t['source.useSource']) }).click();
    // The word count is a plural block in the catalogue: "29,000 words", "29 000 слов".
    const words = `${groupDigits(29_000, language)} ${language === 'en' ? 'words' : 'слов'}`;
    await expect(page.getByRole('alert').filter({ hasText: `${groupDigits(200_000, language)} ` }).filter({ hasText: words })).toBeVisible();
    await page.screenshot({ path: `test-results/screens/import-too-long-${language}.png` });
    if (language === 'ru') await expectNoEnglishInterface(page);
    expect(await (await page.request.get(`/api/projects/${projectId}/steps`)).json()).toEqual([]);
  });
}
