import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../adapters/http/__fixtures__/local-server.ts';
import type { LocalServer } from '../../adapters/http/__fixtures__/local-server.ts';
import { fetchFeed } from './fetch-feed.ts';
import { FeedError } from './feed-types.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));
let server: LocalServer;

const cp1251Feed = Buffer.concat([
  Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>'),
  Buffer.from([0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8]),
  Buffer.from('</title><link>https://old-ru.example/</link><item><title>x</title><link>https://old-ru.example/1</link></item></channel></rss>'),
]);

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    if (req.url === '/rss') res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(fixture('rss2-en.xml'));
    else if (req.url === '/atom') res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(fixture('atom-ru.xml'));
    else if (req.url === '/moved') res.writeHead(301, { location: '/atom' }).end();
    else if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end(fixture('not-a-feed.html'));
    else if (req.url === '/cp1251') res.writeHead(200, { 'content-type': 'text/xml' }).end(cp1251Feed);
    else if (req.url === '/image') res.writeHead(200, { 'content-type': 'image/png' }).end('png');
    else if (req.url === '/internal') res.writeHead(302, { location: 'http://192.168.1.1/rss' }).end();
    else res.writeHead(404).end();
  });
});
afterAll(() => server.close());

const deps = () => ({ fetchOptions: { allowPrivateHosts: [server.hostKey] } });

async function feedError(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

describe('fetchFeed', () => {
  it('fetches and parses RSS and Atom from a server, following redirects', async () => {
    const rss = await fetchFeed(`${server.origin}/rss`, deps());
    expect(rss.feed.items).toHaveLength(4);
    const atom = await fetchFeed(`${server.origin}/moved`, deps());
    expect(atom.url).toBe(`${server.origin}/atom`);
    expect(atom.feed.items[0]?.title).toBe('В Петрозаводске открылась круглосуточная библиотека');
  });

  it('decodes a windows-1251 feed from its XML declaration', async () => {
    const { feed } = await fetchFeed(`${server.origin}/cp1251`, deps());
    expect(feed.title).toBe('Новости');
  });

  it('says a web page is not a feed and resolves the feed links it advertises', async () => {
    const error = await feedError(fetchFeed(`${server.origin}/page`, deps()));
    expect(error.code).toBe('NOT_A_FEED');
    expect(error.details.discoveredFeeds).toEqual([`${server.origin}/climate/rss`, 'https://www.northernledger.example/atom.xml']);
  });

  it('reports fetch refusals with the fetcher code', async () => {
    expect((await feedError(fetchFeed(`${server.origin}/image`, deps()))).details.fetchCode).toBe('UNSUPPORTED_CONTENT_TYPE');
    expect((await feedError(fetchFeed(`${server.origin}/internal`, deps()))).details.fetchCode).toBe('BLOCKED_ADDRESS');
    expect((await feedError(fetchFeed('http://localhost/rss'))).details.fetchCode).toBe('BLOCKED_ADDRESS');
  });
});
