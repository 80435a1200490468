import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsItem, NewsPage } from '../../../contracts/news.ts';
import type { Step } from '../../../contracts/steps.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { type NewsSite, startNewsSite } from './testing/news-site.ts';

describe.each(DATABASE_KINDS)('news list on %s', (kind) => {
  let t: TestApp;
  let site: NewsSite;
  let cookie: string;
  let feedId: string;
  beforeAll(async () => {
    site = await startNewsSite();
    t = await createTestApp(kind, { env: { FETCH_ALLOW_PRIVATE_HOSTS: site.hostKey } });
    cookie = (await signUp(t.app)).cookie;
    feedId = (await t.app.inject({ method: 'POST', url: '/api/feeds', headers: { cookie }, payload: { url: site.feedUrl } })).json().id;
  });
  afterAll(async () => {
    await t.close();
    await site.close();
  });

  const news = async (query = '') => (await t.app.inject({ method: 'GET', url: `/api/news${query}`, headers: { cookie } })).json() as NewsPage;
  const titles = (page: NewsPage) => page.items.map((i) => i.title);
  const item = async (slug: string) => (await news()).items.find((i) => i.url?.includes(slug))!;

  it('lists stories newest first with score, band, language and source', async () => {
    const page = await news();
    expect(page.total).toBe(5);
    expect(page.items[0]).toMatchObject({ title: 'Eastbrook approves a 12 km tram line after 40 years of debate', feedId, feedTitle: 'Eastbrook Courier', language: 'en', favourite: false, hasFullText: false });
    expect(page.items.map((i) => i.band)).toEqual(page.items.map((i) => (i.score! >= 65 ? 'high' : i.score! >= 50 ? 'medium' : 'low')));
    expect(page.items.find((i) => i.language === 'ru')?.title).toContain('Новосибирске');
  });

  it('filters by band, freshness, text and source', async () => {
    expect(titles(await news('?band=low'))).toEqual(['Planning committee minutes published']);
    expect((await news('?band=high')).items.every((i) => i.score! >= 65)).toBe(true);
    expect(titles(await news('?freshness=24h'))).toEqual([
      'Eastbrook approves a 12 km tram line after 40 years of debate',
      'В Новосибирске открылся круглогодичный крытый велопарк',
    ]);
    expect(titles(await news('?q=octopus'))).toEqual(['Do octopuses dream? Scientists record two stages of sleep in 30 animals']);
    expect(titles(await news('?q=100%25'))).toEqual([]);
    expect((await news(`?feedId=${feedId}&limit=2`)).items).toHaveLength(2);
    expect((await news('?feedId=00000000-0000-4000-8000-000000000000')).total).toBe(0);
    const bad = await t.app.inject({ method: 'GET', url: '/api/news?band=great', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('query.band');
  });

  it('favourites and dismisses; dismissed stories leave the list but can be listed', async () => {
    const octopus = await item('octopus-sleep');
    const fav = await t.app.inject({ method: 'PATCH', url: `/api/news/${octopus.id}`, headers: { cookie }, payload: { favourite: true } });
    expect(fav.json()).toMatchObject({ favourite: true });
    expect(titles(await news('?favourite=true'))).toEqual([octopus.title]);
    const library = await item('library-reopens');
    await t.app.inject({ method: 'PATCH', url: `/api/news/${library.id}`, headers: { cookie }, payload: { dismissed: true } });
    expect(titles(await news())).not.toContain(library.title);
    expect(titles(await news('?dismissed=true'))).toEqual([library.title]);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/news/${library.id}`, headers: { cookie }, payload: {} })).statusCode).toBe(400);
    const stranger = await signUp(t.app);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/news/${library.id}`, headers: { cookie: stranger.cookie }, payload: { dismissed: false } })).statusCode).toBe(404);
  });

  it('fetches the full article on demand once, and falls back to the summary when the page cannot be read', async () => {
    const tram = await item('eastbrook-tram-line');
    const before = site.requests.filter((p) => p.includes('eastbrook-tram-line')).length;
    const first = await t.app.inject({ method: 'GET', url: `/api/news/${tram.id}/article`, headers: { cookie } });
    expect(first.json()).toMatchObject({ itemId: tram.id, origin: 'article', byline: 'Marta Kowalska', language: 'en', fetchError: null });
    expect(first.json().wordCount).toBeGreaterThan(1000);
    const second = await t.app.inject({ method: 'GET', url: `/api/news/${tram.id}/article`, headers: { cookie } });
    expect(second.json().text).toBe(first.json().text);
    expect(site.requests.filter((p) => p.includes('eastbrook-tram-line')).length).toBe(before + 1);
    expect((await item('eastbrook-tram-line')).hasFullText).toBe(true);

    await t.context.database.executeSql(`update feed_items set url = $2 where id = $1`, [(await item('octopus-sleep')).id, `${site.origin}/articles/removed`]);
    const fallback = (await t.app.inject({ method: 'GET', url: `/api/news/${(await item('articles/removed')).id}/article`, headers: { cookie } })).json();
    expect(fallback).toMatchObject({ origin: 'summary' });
    expect(fallback.text).toContain('active sleep');
    expect(fallback.fetchError).toContain('404');
  });

  it('makes a project from a story with stages 1 and 2 filled, at stage 2', async () => {
    const velopark: NewsItem = await item('novosibirsk-velopark');
    const made = await t.app.inject({ method: 'POST', url: `/api/news/${velopark.id}/project`, headers: { cookie } });
    expect(made.statusCode).toBe(201);
    const project = made.json();
    expect(project).toMatchObject({ title: velopark.title, currentStage: 2, maxStage: 2 });
    const steps = (await t.app.inject({ method: 'GET', url: `/api/projects/${project.id}/steps`, headers: { cookie } })).json() as Step[];
    expect(steps[0]!.data).toMatchObject({ sourceType: 'news', newsItemId: velopark.id, newsTitle: velopark.title, language: 'ru' });
    expect(steps[0]!.completedAt).not.toBeNull();
    expect(steps[0]!.data.format).toBe((steps[1]!.data.analysis as { recommendedFormat: string }).recommendedFormat);
    expect(steps[1]!.data).toMatchObject({ title: velopark.title, language: 'ru', analysis: { language: 'ru' } });
    expect(steps[1]!.data.text).toContain('420 миллионов рублей');
    const images = steps[1]!.data.images as Array<Record<string, unknown>>;
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(Object.keys(image).sort()).toEqual(['alt', 'caption', 'credit', 'height', 'position', 'url', 'width']);

    const chosen = await t.app.inject({ method: 'POST', url: `/api/news/${velopark.id}/project`, headers: { cookie }, payload: { format: 'news', targetDurationSec: 15 } });
    const chosenSteps = (await t.app.inject({ method: 'GET', url: `/api/projects/${chosen.json().id}/steps`, headers: { cookie } })).json() as Step[];
    expect(chosenSteps[0]!.data).toMatchObject({ format: 'news', targetDurationSec: 15 });
    expect((await t.app.inject({ method: 'POST', url: `/api/news/00000000-0000-4000-8000-000000000000/project`, headers: { cookie } })).statusCode).toBe(404);
  });

  it('makes one project for repeats of a request with the same Idempotency-Key, even at once', async () => {
    const velopark: NewsItem = await item('novosibirsk-velopark');
    const projects = async () => ((await t.app.inject({ method: 'GET', url: '/api/projects', headers: { cookie } })).json() as Array<{ id: string }>).length;
    const before = await projects();
    const make = () => t.app.inject({ method: 'POST', url: `/api/news/${velopark.id}/project`, headers: { cookie, 'idempotency-key': 'news-click-1' } });
    const [first, second] = await Promise.all([make(), make()]);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.json().id).toBe(first.json().id);
    const third = await make();
    expect(third.json()).toMatchObject({ id: first.json().id, currentStage: 2 });
    expect(await projects()).toBe(before + 1);
    const bad = await t.app.inject({ method: 'POST', url: `/api/news/${velopark.id}/project`, headers: { cookie, 'idempotency-key': 'bad key with spaces' } });
    expect(bad.statusCode).toBe(400);
  });
});
