import type { Page } from '@playwright/test';

/**
 * Holds this page's next write matching `url` until the returned function is called, so another
 * tab's write lands first and this one arrives on an older version (a 412).
 */
export async function holdNextWrite(page: Page, url: string, method: 'PATCH' | 'POST' = 'PATCH') {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    if (route.request().method() === method) await released;
    await route.fallback();
  });
  return async () => {
    release();
    await page.unroute(url);
  };
}

/** The next successful write of this page to a URL containing `part`. */
export const savedBy = (page: Page, part: string, method: 'PATCH' | 'POST' = 'PATCH') =>
  page.waitForResponse((r) => r.url().includes(part) && r.request().method() === method && r.ok());
