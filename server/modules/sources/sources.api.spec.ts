import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../../../contracts/steps.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { type NewsSite, startNewsSite } from '../news/testing/news-site.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '__fixtures__', name), 'utf8');

function multipart(name: string, content: string | Buffer, type = 'text/plain') {
  const boundary = '----reelforge-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(DATABASE_KINDS)('article import on %s', (kind) => {
  let t: TestApp;
  let site: NewsSite;
  let cookie: string;
  beforeAll(async () => {
    site = await startNewsSite();
    t = await createTestApp(kind, { env: { FETCH_ALLOW_PRIVATE_HOSTS: site.hostKey } });
    cookie = (await signUp(t.app)).cookie;
  });
  afterAll(async () => {
    await t.close();
    await site.close();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, ...headers }, payload: payload as string });

  it('imports a URL through the safe fetcher: title, byline, clean text without clutter, images, language, date', async () => {
    const response = await post('/api/sources/import', { url: site.articleUrl('eastbrook-tram-line') });
    expect(response.statusCode).toBe(200);
    const article = response.json();
    expect(article).toMatchObject({ title: 'Eastbrook approves a 12 km tram line after 40 years of debate', byline: 'Marta Kowalska', language: 'en', siteName: 'Eastbrook Courier' });
    expect(article.text).toContain('voted 31 to 9 on Tuesday night');
    expect(article.text).not.toMatch(/Advertisement|First!|Share on Facebook/);
    expect(article.wordCount).toBeGreaterThan(1000);
    expect(article.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(article.images).toContain(`${site.origin}/images/eastbrook-tram-line-body.jpg`);
  });

  it('says why a fetch failed or was refused, with a reason code', async () => {
    const refused = await post('/api/sources/import', { url: 'http://10.0.0.1/article' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'FETCH_FAILED', details: { reason: 'BLOCKED_ADDRESS' } });
    expect(refused.json().error.message).toMatch(/private/i);
    const loopbackByName = await post('/api/sources/import', { url: 'http://localhost:8080/' });
    expect(loopbackByName.json().error.details.reason).toBe('BLOCKED_ADDRESS');
    const redirected = await post('/api/sources/import', { url: `${site.origin}/redirect-to-loopback` });
    expect(redirected.json().error.details.reason).toBe('BLOCKED_ADDRESS');
    const missing = await post('/api/sources/import', { url: `${site.origin}/articles/nothing-here` });
    expect(missing.json().error).toMatchObject({ code: 'FETCH_FAILED', details: { reason: 'HTTP_STATUS' } });
    const notHttp = await post('/api/sources/import', { url: 'ftp://example.com/file' });
    expect(notHttp.statusCode).toBe(400);
    expect(notHttp.json().error.details.issues[0].path).toBe('url');
  });

  it('answers a feed address with its title and URL, so the screen can offer to add it to the feeds', async () => {
    for (const [url, title] of [[site.feedUrl, 'Eastbrook Courier'], [site.atomUrl, 'Eastbrook Courier (Atom)']] as const) {
      const response = await post('/api/sources/import', { url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'FEED_URL', feedUrl: url, feedTitle: title } });
      expect(response.json().error.message).toMatch(new RegExp(`^This address is "${title.replace(/[()]/g, '\\$&')}", a news feed with \\d+ stories, not an article: add it to your feeds`));
    }
    const russian = await post('/api/sources/import', { url: site.feedUrl }, { 'accept-language': 'ru' });
    expect(russian.json().error.message).toBe('Это адрес новостной ленты «Eastbrook Courier», а не статьи. Добавьте её в свои ленты или откройте одну новость и вставьте её адрес.');
    // Pasted feed XML is recognised the same way.
    const pasted = await post('/api/sources/import', { html: await (await fetch(site.feedUrl)).text() });
    expect(pasted.json().error.details.reason).toBe('FEED_URL');
  });

  it('refuses a listing page or a directory index with "no article found on this page"', async () => {
    for (const name of ['news-section-listing.html', 'directory-index.html']) {
      const response = await post('/api/sources/import', { html: fixture(name), url: 'https://news.example/section' });
      expect(response.statusCode, name).toBe(422);
      expect(response.json().error.details.reason).toBe('NO_ARTICLE');
      expect(response.json().error.message).toMatch(/^No article found on this page/);
      const russian = await post('/api/sources/import', { html: fixture(name) }, { 'accept-language': 'ru' });
      expect(russian.json().error.message).toMatch(/^На этой странице нет статьи/);
    }
  });

  it('says the limit of a too long text in characters and words, in English and Russian, and stores nothing', async () => {
    const projectId = await createProject(t.app, cookie);
    const huge = { sourceType: 'text', text: 'Tides rise and fall. '.repeat(10_000), format: 'news' };
    const refused = await post(`/api/projects/${projectId}/source`, huge);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'TOO_LONG', field: 'text', limit: { characters: 200_000, words: 29_000 } } });
    expect(refused.json().error.message).toBe('text: too long: at most 200,000 characters (about 29,000 words); shorten it or split it into several videos');
    const russian = await post(`/api/projects/${projectId}/source`, huge, { 'accept-language': 'ru' });
    expect(russian.json().error.message).toBe(`Текст слишком длинный: не больше ${(200_000).toLocaleString('ru-RU')} символов (около ${(29_000).toLocaleString('ru-RU')} слов). Сократите его или разделите на несколько видео.`);
    const steps = (await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/steps`, headers: { cookie } })).json() as Step[];
    expect(steps).toEqual([]);
  });

  it('writes stage 1 only on the version the author saw: 412 with the current step otherwise', async () => {
    const projectId = await createProject(t.app, cookie);
    const idea = { sourceType: 'idea', idea: 'Why the moon makes two tides a day.', format: 'news' };
    const first = await post(`/api/projects/${projectId}/source`, { ...idea, baseVersion: 0 });
    expect(first.statusCode).toBe(200);
    const version = (first.json().steps as Step[])[0]!.version;
    const stale = await post(`/api/projects/${projectId}/source`, { ...idea, idea: 'Another idea about tides.', replace: true, baseVersion: 0 });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_MISMATCH', details: { current: { stepNumber: 1, version, data: { idea: idea.idea } } } });
    const current = await post(`/api/projects/${projectId}/source`, { ...idea, idea: 'Another idea about tides.', replace: true, baseVersion: version });
    expect(current.statusCode).toBe(200);
    expect((current.json().steps as Step[])[0]!.data.idea).toBe('Another idea about tides.');
  });

  it('reads pasted HTML and text, and names a bad body', async () => {
    const html = await post('/api/sources/import', { html: fixture('ru-news-cluttered.html'), url: 'https://news.example/ru' });
    expect(html.statusCode).toBe(200);
    expect(html.json().language).toBe('ru');
    const text = await post('/api/sources/import', { text: fixture('en-notes.md') });
    expect(text.statusCode).toBe(200);
    expect(text.json().text).not.toContain('**');
    const both = await post('/api/sources/import', { html: '<p>x</p>', text: 'x' });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.message).toContain('either html or text');
    const empty = await post('/api/sources/import', {});
    expect(empty.statusCode).toBe(400);
    const blank = await post('/api/sources/import', { text: '   ' });
    expect(blank.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'EMPTY_INPUT' } });
  });

  it('imports uploaded .md and .html files; refuses other types (415) and oversized files (413)', async () => {
    const md = await post('/api/sources/import/file', ...Object.values(multipart('notes.md', fixture('en-notes.md'))) as [unknown, Record<string, string>]);
    expect(md.statusCode).toBe(200);
    expect(md.json().wordCount).toBeGreaterThan(20);
    const html = multipart('page.html', fixture('en-news-cluttered.html'), 'text/html');
    const page = await post('/api/sources/import/file', html.payload, html.headers);
    expect(page.statusCode).toBe(200);
    const pdf = multipart('paper.pdf', Buffer.from('%PDF-1.7 ...'), 'application/pdf');
    expect((await post('/api/sources/import/file', pdf.payload, pdf.headers)).statusCode).toBe(415);
    const big = multipart('huge.txt', Buffer.alloc(5 * 1024 * 1024 + 10, 'a'));
    expect((await post('/api/sources/import/file', big.payload, big.headers)).statusCode).toBe(413);
    expect((await post('/api/sources/import/file', { text: 'x' })).statusCode).toBe(415);
  });

  it('applies a stage-1 source: step 1 completed, step 2 with text and analysis, project at stage 2', async () => {
    const projectId = await createProject(t.app, cookie, 'Untitled video 2026-01-01 10:00');
    const applied = await post(`/api/projects/${projectId}/source`, { sourceType: 'url', url: site.articleUrl('octopus-sleep'), format: 'explainer' });
    expect(applied.statusCode).toBe(200);
    const { project, steps } = applied.json() as { project: { currentStage: number; title: string }; steps: Step[] };
    expect(project.currentStage).toBe(2);
    expect(project.title).toBe('Do octopuses dream? Scientists record two stages of sleep in 30 animals');
    expect(steps[0]).toMatchObject({ stepNumber: 1, data: { sourceType: 'url', format: 'explainer', language: 'en', targetDurationSec: 55 } });
    expect(steps[0]!.completedAt).not.toBeNull();
    expect(steps[1]!.data).toMatchObject({ title: project.title, url: site.articleUrl('octopus-sleep'), analysis: { analyser: 'offline', language: 'en' } });
    expect((steps[1]!.data.analysis as { score: number }).score).toBeGreaterThan(0);
  });

  it('keeps an edited stage-2 text when only the format changes, and asks before replacing it with another source', async () => {
    const projectId = await createProject(t.app, cookie);
    const idea = { sourceType: 'idea', idea: 'Why the moon makes two tides a day, explained with a bucket of water.', format: 'explainer' };
    expect((await post(`/api/projects/${projectId}/source`, idea)).statusCode).toBe(200);
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/projects/${projectId}/steps/2`, headers: { cookie }, payload: { data: { text: 'My own edited text about tides.' } } });
    expect(edited.statusCode).toBe(200);

    const shorter = await post(`/api/projects/${projectId}/source`, { ...idea, format: 'news', targetDurationSec: 18 });
    expect(shorter.statusCode).toBe(200);
    const kept = shorter.json().steps as Step[];
    expect(kept[0]!.data).toMatchObject({ format: 'news', targetDurationSec: 18 });
    expect(kept[1]!.data.text).toBe('My own edited text about tides.');

    const other = { sourceType: 'text', text: 'A completely different text about volcanoes and the 1991 eruption of Pinatubo.', format: 'news' };
    const refused = await post(`/api/projects/${projectId}/source`, other);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reason).toBe('CONTENT_EXISTS');
    const replaced = await post(`/api/projects/${projectId}/source`, { ...other, replace: true });
    expect((replaced.json().steps as Step[])[1]!.data.text).toContain('Pinatubo');
  });

  it('validates the source body and hides other users\' projects', async () => {
    const projectId = await createProject(t.app, cookie);
    const missing = await post(`/api/projects/${projectId}/source`, { sourceType: 'url', format: 'news' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues[0].path).toBe('url');
    const badFormat = await post(`/api/projects/${projectId}/source`, { sourceType: 'idea', idea: 'x', format: 'movie' });
    expect(badFormat.json().error.details.issues[0].path).toBe('format');
    const stranger = await signUp(t.app);
    const foreign = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/source`, headers: { cookie: stranger.cookie }, payload: { sourceType: 'idea', idea: 'x', format: 'news' } });
    expect(foreign.statusCode).toBe(404);
  });
});
