import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError } from './feed-types.ts';
import { normaliseItemUrl, parseFeed } from './parse-feed.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

function feedError(run: () => unknown): FeedError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected a FeedError');
}

describe('parseFeed: RSS 2.0 (English)', () => {
  const feed = parseFeed(fixture('rss2-en.xml'));
  const [pump, wind, helsinki, podcast] = feed.items;

  it('reads the channel', () => {
    expect(feed).toMatchObject({ kind: 'rss', title: 'The Northern Ledger – Climate', link: 'https://www.northernledger.example/climate', description: 'Energy & climate news from the Nordics', language: 'en-gb' });
    expect(feed.items).toHaveLength(4);
  });

  it('decodes CDATA, HTML in descriptions and double-escaped entities', () => {
    expect(pump?.summary).toBe("The seawater plant in Nordhavn will cut the district's heating emissions by 60 percent.");
    expect(wind?.title).toBe(`Wind & solar supplied "more than half" of Denmark's power in February`);
    expect(wind?.summary).toBe('Grid operator Energinet says renewables covered 58 % of demand — a record for a winter month.');
    expect(helsinki?.title).toBe('Helsinki bets on data-centre heat');
  });

  it('reads dates in RFC 822 with offsets and zone names', () => {
    expect(pump?.publishedAt).toBe('2024-03-12T06:30:00.000Z');
    expect(helsinki?.publishedAt).toBe('2024-03-10T13:00:00.000Z');
    expect(podcast?.publishedAt).toBeNull();
  });

  it('finds images in media:content, image enclosures and embedded HTML, never audio', () => {
    expect(pump?.imageUrl).toBe('https://cdn.northernledger.example/images/harbour-pump-1200.jpg');
    expect(wind?.imageUrl).toBe('https://cdn.northernledger.example/images/wind.jpg');
    expect(helsinki?.imageUrl).toBe('https://www.northernledger.example/images/helsinki.jpg');
    expect(podcast?.imageUrl).toBeNull();
  });

  it('keys items by guid, else by URL without fragment and tracking parameters', () => {
    expect(pump?.dedupKey).toBe('guid:ledger-2024-03-12-harbour-pump');
    expect(pump?.author).toBe('Maria Lindqvist');
    expect(helsinki?.dedupKey).toBe('url:https://www.northernledger.example/climate/helsinki-plan');
    expect(new Set(feed.items.map((i) => i.dedupKey)).size).toBe(4);
    expect(parseFeed(fixture('rss2-en.xml')).items.map((i) => i.dedupKey)).toEqual(feed.items.map((i) => i.dedupKey));
    expect(normaliseItemUrl('https://Example.com/a?utm_source=x&id=3&fbclid=1#top')).toBe('https://example.com/a?id=3');
  });
});

describe('parseFeed: Atom (Russian)', () => {
  const feed = parseFeed(fixture('atom-ru.xml'));
  const [library, bridge, weather] = feed.items;

  it('reads the feed and resolves relative entry links against the site link', () => {
    expect(feed).toMatchObject({ kind: 'atom', title: 'Онежский вестник — Город', link: 'https://onega-vestnik.example/city', language: 'ru' });
    expect(library?.url).toBe('https://onega-vestnik.example/news/2024/10/library');
    expect(library?.author).toBe('Ирина Соколова');
  });

  it('decodes escaped HTML summaries, html titles and CDATA content', () => {
    expect(library?.summary).toBe('Читальный зал на 120 мест работает без выходных «24/7».');
    expect(bridge?.title).toBe('Мост через Лососинку закроют на ремонт — до декабря');
    expect(bridge?.summary).toBe('Движение по мосту ограничат с 7 октября. Объезд — по улице Гоголя.');
  });

  it('prefers published over updated and finds thumbnails and image enclosures', () => {
    expect(library?.publishedAt).toBe('2024-10-03T06:15:00.000Z');
    expect(bridge?.publishedAt).toBe('2024-10-02T15:40:00.000Z');
    expect(library?.imageUrl).toBe('https://static.onega-vestnik.example/photo/library-thumb.jpg');
    expect(bridge?.imageUrl).toBe('https://static.onega-vestnik.example/photo/bridge.jpg');
    expect(weather?.dedupKey).toBe('url:https://onega-vestnik.example/news/2024/10/weather');
  });
});

describe('parseFeed: RSS 1.0 and refusals', () => {
  it('reads RDF feeds', () => {
    const feed = parseFeed(fixture('rss1-rdf.xml'));
    expect(feed.kind).toBe('rdf');
    expect(feed.items[0]).toMatchObject({ title: 'First story', url: 'https://old.example/story/1', publishedAt: '2024-01-05T10:00:00.000Z' });
  });

  it('explains that a web page is not a feed and lists the feeds it links to', () => {
    const error = feedError(() => parseFeed(fixture('not-a-feed.html')));
    expect(error.code).toBe('NOT_A_FEED');
    expect(error.message).toContain('web page');
    expect(error.details.discoveredFeeds).toEqual(['/climate/rss', 'https://www.northernledger.example/atom.xml']);
  });

  it('refuses malformed XML, other XML documents and empty input', () => {
    const malformed = feedError(() => parseFeed('<rss><channel><title>x</channel></rss>'));
    expect(malformed.code).toBe('MALFORMED_XML');
    expect(malformed.message).toMatch(/line 1/);
    const svg = feedError(() => parseFeed('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'));
    expect(svg.code).toBe('NOT_A_FEED');
    expect(svg.message).toContain('<svg>');
    expect(feedError(() => parseFeed('  ')).message).toContain('empty');
  });
});
