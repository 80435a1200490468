import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PexelsProvider } from './pexels.ts';
import { pickPhotoUrl, pickVideoFile } from './pick-media.ts';
import { startFakePexels } from './testing/fake-pexels.ts';
import { StockError } from './types.ts';
import { localFetch } from '../http/testing/local-fetch.ts';

const KEY = 'pexels-test-key';
const PORTRAIT = { width: 1080, height: 1920 };

describe('Pexels provider against a fake server speaking its wire format', () => {
  let fake: Awaited<ReturnType<typeof startFakePexels>>;
  let pexels: PexelsProvider;

  beforeAll(async () => {
    fake = await startFakePexels({
      apiKey: KEY,
      photos: [
        { id: 2014422, width: 3000, height: 4500, colour: '#2266aa', photographer: 'Ana Lima', alt: 'Harbour at dawn' },
        { id: 1108099, width: 5000, height: 3333, colour: '#aa6622', photographer: 'Ivan Petrov' },
      ],
      videos: [
        {
          id: 857251,
          colour: '#22aa66',
          durationSec: 1,
          author: 'Mia Chen',
          files: [
            { width: 540, height: 960, quality: 'sd' },
            { width: 1080, height: 1920, quality: 'hd' },
            { width: 2160, height: 3840, quality: 'uhd' },
          ],
        },
      ],
    });
    pexels = new PexelsProvider({ apiKey: KEY, baseUrl: fake.url, fetch: localFetch(fake.url) });
  });
  afterAll(() => fake.close());

  it('searches photos with the key in Authorization, the orientation and locale, and reads attribution', async () => {
    const page = await pexels.search({ query: 'гавань', media: 'photo', orientation: 'portrait', page: 1, perPage: 10, locale: 'ru-RU' });
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe('/v1/search');
    expect(request.authorization).toBe(KEY);
    expect(Object.fromEntries(request.query)).toEqual({ query: 'гавань', orientation: 'portrait', page: '1', per_page: '10', locale: 'ru-RU' });
    expect(page.totalResults).toBe(1);
    expect(page.hasMore).toBe(false);
    expect(page.items).toEqual([
      {
        provider: 'pexels',
        id: '2014422',
        media: 'photo',
        width: 3000,
        height: 4500,
        thumbnailUrl: expect.stringContaining('/photos/2014422/pexels-photo-2014422.jpeg?auto=compress&cs=tinysrgb&h=350'),
        author: 'Ana Lima',
        authorUrl: 'https://www.pexels.com/@ana-lima',
        sourceUrl: 'https://www.pexels.com/photo/harbour-at-dawn-2014422/',
        durationSec: null,
        alt: 'Harbour at dawn',
      },
    ]);
  });

  it('searches videos and reads user, duration and the still', async () => {
    const page = await pexels.search({ query: 'forest', media: 'video', orientation: 'portrait', page: 1, perPage: 5 });
    expect(fake.requests.at(-1)!.path).toBe('/videos/search');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: '857251', media: 'video', author: 'Mia Chen', authorUrl: 'https://www.pexels.com/@mia-chen', durationSec: 1 });
    expect(page.items[0]!.thumbnailUrl).toContain('/videos/857251/pictures/');
  });

  it('reads next_page as "more results" and an empty page as no results', async () => {
    const none = await pexels.search({ query: 'sea', media: 'photo', orientation: 'square', page: 1, perPage: 1 });
    expect(none).toEqual({ page: 1, totalResults: 0, hasMore: false, items: [] });
    const wide = await pexels.search({ query: 'sea', media: 'photo', orientation: 'landscape', page: 1, perPage: 1 });
    expect(wide.items.map((i) => i.id)).toEqual(['1108099']);
    expect(wide.hasMore).toBe(false);
  });

  it('picks the file to download for a frame: the smallest covering video rendition, large2x or the original photo', async () => {
    const video = await pexels.download('video', '857251', PORTRAIT);
    expect(fake.requests.at(-1)!.path).toBe('/videos/videos/857251');
    expect(video).toMatchObject({ width: 1080, height: 1920, fileType: 'video/mp4' });
    expect(video.url).toContain('857251-hd_1080_1920_25fps.mp4');
    expect(video.item.author).toBe('Mia Chen');

    const tall = await pexels.download('photo', '2014422', PORTRAIT);
    expect(tall.url).toMatch(/pexels-photo-2014422\.jpeg$/);
    const wide = await pexels.download('photo', '1108099', { width: 1920, height: 1080 });
    expect(wide.url).toContain('dpr=2&h=650&w=940');
    expect(wide).toMatchObject({ width: 1880, height: 1253 });
  });

  it('turns a wrong key, a rate limit, a server error, a missing item and a garbled body into StockErrors', async () => {
    const wrongKey = new PexelsProvider({ apiKey: 'nope', baseUrl: fake.url, fetch: localFetch(fake.url) });
    await expect(wrongKey.search({ query: 'x', media: 'photo', orientation: 'portrait', page: 1, perPage: 1 })).rejects.toMatchObject({
      kind: 'auth',
      status: 401,
      message: expect.stringContaining('refused the API key'),
    });
    fake.failNext(429, { error: 'Rate limit exceeded' });
    await expect(pexels.search({ query: 'x', media: 'photo', orientation: 'portrait', page: 1, perPage: 1 })).rejects.toMatchObject({ kind: 'rate-limit' });
    fake.failNext(503, { error: 'Service Unavailable' });
    await expect(pexels.search({ query: 'x', media: 'video', orientation: 'portrait', page: 1, perPage: 1 })).rejects.toMatchObject({
      kind: 'server',
      message: 'Pexels failed (HTTP 503); try again later',
    });
    await expect(pexels.download('photo', '999', PORTRAIT)).rejects.toMatchObject({ kind: 'not-found' });
    fake.failNext(200, { photos: 'not a list' });
    const garbled = await pexels.search({ query: 'x', media: 'photo', orientation: 'portrait', page: 1, perPage: 1 }).catch((e: unknown) => e);
    expect(garbled).toBeInstanceOf(StockError);
    expect((garbled as StockError).kind).toBe('bad-response');
  });

  it('reports an unreachable server and a slow one clearly', async () => {
    const closed = new PexelsProvider({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9', fetch: localFetch('http://127.0.0.1:9') });
    await expect(closed.search({ query: 'x', media: 'photo', orientation: 'portrait', page: 1, perPage: 1 })).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringContaining('could not be reached'),
    });
    const hanging: typeof fetch = (_url, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const slow = new PexelsProvider({ apiKey: KEY, baseUrl: fake.url, fetch: hanging, timeoutMs: 50 });
    await expect(slow.search({ query: 'x', media: 'photo', orientation: 'portrait', page: 1, perPage: 1 })).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('choosing what to download', () => {
  const photo = (width: number, height: number) => ({
    id: 1,
    width,
    height,
    url: 'u',
    photographer: 'p',
    src: { original: 'original', large2x: 'large2x' },
  });

  it('uses large2x only when it covers the frame', () => {
    expect(pickPhotoUrl(photo(6000, 4000), { width: 1920, height: 1080 }).url).toBe('large2x');
    expect(pickPhotoUrl(photo(6000, 4000), PORTRAIT).url).toBe('original');
    expect(pickPhotoUrl(photo(800, 600), { width: 1080, height: 1080 }).url).toBe('original');
  });

  it('takes the largest rendition when none covers, and ignores non-MP4 files', () => {
    const files = [
      { link: 'small', width: 360, height: 640, file_type: 'video/mp4' },
      { link: 'mid', width: 720, height: 1280, file_type: 'video/mp4' },
      { link: 'webm', width: 2160, height: 3840, file_type: 'video/webm' },
    ];
    expect(pickVideoFile(files, PORTRAIT)?.link).toBe('mid');
    expect(pickVideoFile([], PORTRAIT)).toBeNull();
  });
});
