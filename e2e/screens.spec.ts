import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { stageLink } from './support/app.ts';
import { expectNoEnglishInterface } from './support/russian-screen.ts';
import { registerIn, signInIn, uiText, type UiLanguage } from './support/ui-text.ts';

const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 640 };
const phone = (viewport: { width: number; height: number }): BrowserContextOptions => ({ viewport, isMobile: true, hasTouch: true });

interface View {
  name: string;
  language: UiLanguage;
  options: BrowserContextOptions;
  isPhone: boolean;
  /** The language the account has when this view signs in (the walks run in this order and switch it). */
  accountLanguage: UiLanguage;
}

const VIEWS: View[] = [
  { name: 'ru-phone', language: 'ru', options: phone(PHONE), isPhone: true, accountLanguage: 'ru' },
  { name: 'ru-small-phone', language: 'ru', options: phone(SMALL_PHONE), isPhone: true, accountLanguage: 'ru' },
  { name: 'ru-desktop', language: 'ru', options: {}, isPhone: false, accountLanguage: 'ru' },
  // An English browser signing in to the Russian account gets Russian until it switches to English...
  { name: 'en-desktop', language: 'en', options: {}, isPhone: false, accountLanguage: 'ru' },
  // ...which the account remembers for the next sign-in.
  { name: 'en-phone', language: 'en', options: phone(PHONE), isPhone: true, accountLanguage: 'en' },
];

const TEXT = [
  'В Новосибирске открыли первый круглогодичный велопарк: двенадцать километров трасс с подогревом и освещением.',
  'Зимой дорожки чистят каждые два часа, а прокат выдаёт велосипеды с шипованной резиной.',
  'За первую неделю парк приняли почти девять тысяч человек, больше всего в выходные.',
  'Город обещает к осени соединить парк с набережной новой веломагистралью длиной пять километров.',
  'Вход бесплатный, прокат стоит двести рублей в час.',
].join(' ');

async function openAs(browser: Browser, view: View): Promise<Page> {
  const context = await browser.newContext({ locale: view.language === 'ru' ? 'ru-RU' : 'en-US', ...view.options });
  return context.newPage();
}

/**
 * The page fits the phone's width: nothing sticks out to scroll sideways (a phone browser would
 * zoom the whole page out). Scrolling strips (the stage navigation) may hold wider content.
 */
async function expectNoSidewaysScroll(page: Page, width: number) {
  const sticking = await page.evaluate((screenWidth) => {
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(parent).overflowX)) return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > screenWidth + 1 && element.checkVisibility() && !clipped(element))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} (${Math.round(element.getBoundingClientRect().right)} px)`);
  }, width);
  expect(sticking, 'elements wider than the screen').toEqual([]);
}

/** Checks one screen as the viewer sees it, then saves a screenshot to look at. */
async function checkScreen(page: Page, view: View, screen: string) {
  const t = uiText(view.language);
  await expect(page.getByText(t('app.loading'), { exact: true })).toHaveCount(0);
  if (view.language === 'ru') await expectNoEnglishInterface(page);
  if (view.isPhone) await expectNoSidewaysScroll(page, view.options.viewport!.width);
  await page.screenshot({ path: `test-results/screens/${screen}-${view.name}.png`, fullPage: true });
}

/** Every main-menu entry is in sight at the top of the screen, whole, and can be tapped. */
async function expectMenuReachable(page: Page, view: View) {
  const t = uiText(view.language);
  await page.evaluate(() => window.scrollTo(0, 0));
  const menu = page.getByRole('navigation', { name: t('nav.main') });
  for (const key of ['nav.projects', 'nav.news', 'nav.deleted', 'nav.providers', 'nav.apiDocs'] as const) {
    await expect(menu.getByRole('link', { name: t(key), exact: true })).toBeInViewport({ ratio: 1 });
  }
}

test.describe.serial('every screen in both languages, on a desktop and on phones', () => {
  let account: { email: string; password: string };
  let projectId: string;

  test('a Russian text becomes a video on a 360x640 phone in one click; the player is in view', async ({ browser }) => {
    test.setTimeout(300_000);
    const view = VIEWS[1]!;
    const t = uiText('ru');
    const page = await openAs(browser, view);
    await page.goto('/login');
    await checkScreen(page, view, 'login');
    account = await registerIn(page, 'ru');
    await checkScreen(page, view, 'projects-empty');
    await page.getByRole('textbox', { name: t('projects.createTitlePlaceholder') }).fill('Велопарк');
    await page.getByRole('button', { name: t('projects.create') }).click();
    await expect(page).toHaveURL(/\/stage\/1$/);
    projectId = /\/projects\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
    await page.getByRole('button', { name: t('source.kind.text') }).click();
    await page.getByLabel(t('source.text')).fill(TEXT);
    await page.getByTestId('make-video').click();
    await expect(page.getByTestId('make-progress')).toBeVisible();
    await checkScreen(page, view, 'make-progress');
    const video = page.getByTestId('render-video');
    await expect(video).toBeVisible({ timeout: 240_000 });
    await expect(video).toBeInViewport();
    await page.screenshot({ path: `test-results/screens/make-done-${view.name}.png` });
    await page.context().close();
  });

  for (const view of VIEWS) {
    test(`every screen reads right and fits: ${view.name}`, async ({ browser }) => {
      test.setTimeout(180_000);
      const t = uiText(view.language);
      const page = await openAs(browser, view);
      await page.goto('/register');
      await checkScreen(page, view, 'register');
      await signInIn(page, view.language, account, view.accountLanguage);
      if (view.language !== view.accountLanguage) {
        await page.getByRole('button', { name: /^EN/ }).click();
        await expect(page.getByRole('heading', { name: t('projects.title') })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      }
      await expectMenuReachable(page, view);
      await checkScreen(page, view, 'projects');

      for (const [screen, path, heading] of [
        ['news', '/news', t('news.title')],
        ['providers', '/settings/providers', t('providers.title')],
        ['deleted', '/deleted', t('projects.deletedTitle')],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await expectMenuReachable(page, view);
        await checkScreen(page, view, screen);
      }

      for (let stage = 1; stage <= 8; stage++) {
        await page.goto(`/projects/${projectId}/stage/${stage}`);
        await expect(page.getByRole('heading', { level: 1, name: new RegExp(`${t(`stage.${stage as 1}.name`)}$`) })).toBeVisible();
        // The stage on screen shows in the stage navigation, and every stage can be scrolled to and tapped.
        await expect(stageLink(page, stage)).toBeInViewport({ ratio: 1 });
        for (const other of [1, 8, stage]) {
          await stageLink(page, other).scrollIntoViewIfNeeded();
          await expect(stageLink(page, other)).toBeInViewport();
        }
        await page.evaluate(() => window.scrollTo(0, 0));
        await checkScreen(page, view, `stage-${stage}`);
      }
      await page.context().close();
    });
  }
});
