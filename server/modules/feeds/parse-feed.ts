import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { nodeText, plainText, readHtmlSnippet } from './feed-text.ts';
import type { FeedItem, ParsedFeed } from './feed-types.ts';
import { FeedError } from './feed-types.ts';
import { discoverFeedLinks, looksLikeHtml } from './discover.ts';

type XmlNode = Record<string, unknown>;

const ALWAYS_ARRAYS = new Set(['item', 'entry', 'link', 'category', 'media:content', 'media:thumbnail', 'enclosure', 'media:group']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => ALWAYS_ARRAYS.has(name),
});

const asNode = (value: unknown): XmlNode => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const attr = (node: unknown, name: string): string | null => {
  const value = asNode(node)[`@_${name}`];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
};
const text = (value: unknown): string | null => nodeText(value).replace(/\s+/g, ' ').trim() || null;

function absolute(url: string | null, base: string | null): string | null {
  if (!url) return null;
  try {
    const resolved = base ? new URL(url, base) : new URL(url);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}

function isoDate(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** The URL without fragment and tracking parameters, host lower-cased: the same story shared twice dedups. */
export function normaliseItemUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    for (const key of Array.from(parsed.searchParams.keys())) {
      if (/^(utm_|fbclid$|gclid$|yclid$|mc_cid$|mc_eid$)/i.test(key)) parsed.searchParams.delete(key);
    }
    return parsed.href;
  } catch {
    return url;
  }
}

function dedupKey(guid: string | null, url: string | null, title: string, publishedAt: string | null): string {
  if (guid) return `guid:${guid}`;
  if (url) return `url:${normaliseItemUrl(url)}`;
  return `title:${title.toLowerCase()}|${publishedAt ?? ''}`;
}

function mediaImage(item: XmlNode): string | null {
  const groups = asArray(item['media:group']).map(asNode);
  const contents = [item, ...groups].flatMap((node) => asArray(node['media:content']));
  const image = contents.find((c) => attr(c, 'medium') === 'image' || (attr(c, 'type') ?? '').startsWith('image/') || /\.(jpe?g|png|webp|gif)(\?|$)/i.test(attr(c, 'url') ?? ''));
  const thumbnail = [item, ...groups].flatMap((node) => asArray(node['media:thumbnail']))[0];
  const enclosure = asArray(item['enclosure']).find((e) => (attr(e, 'type') ?? '').startsWith('image/'));
  return attr(image, 'url') ?? attr(thumbnail, 'url') ?? attr(enclosure, 'url') ?? attr(item['itunes:image'], 'href');
}

function finishItem(raw: Omit<FeedItem, 'dedupKey'>): FeedItem {
  return { dedupKey: dedupKey(raw.guid, raw.url, raw.title, raw.publishedAt), ...raw };
}

function rssItem(item: XmlNode, base: string | null): FeedItem {
  const guidNode = item['guid'];
  const guid = text(guidNode);
  const guidIsLink = guid !== null && attr(guidNode, 'isPermaLink') !== 'false' && /^https?:\/\//.test(guid);
  const link = absolute(text(asArray(item['link'])[0]) ?? (guidIsLink ? guid : null), base);
  const description = readHtmlSnippet(nodeText(item['description']));
  const content = readHtmlSnippet(nodeText(item['content:encoded']));
  const title = plainText(item['title']) || description.text.slice(0, 120);
  return finishItem({
    guid,
    url: link,
    title,
    summary: description.text || content.text,
    publishedAt: isoDate(item['pubDate']) ?? isoDate(item['dc:date']) ?? isoDate(item['published']),
    imageUrl: absolute(mediaImage(item) ?? description.firstImage ?? content.firstImage, link ?? base),
    author: text(item['dc:creator']) ?? text(item['author']),
  });
}

function atomLink(entry: XmlNode, rel: string): XmlNode | undefined {
  return asArray(entry['link'])
    .map(asNode)
    .find((l) => (attr(l, 'rel') ?? 'alternate') === rel);
}

function atomItem(entry: XmlNode, base: string | null): FeedItem {
  const url = absolute(attr(atomLink(entry, 'alternate'), 'href'), base);
  const summary = readHtmlSnippet(nodeText(entry['summary']));
  const content = readHtmlSnippet(nodeText(entry['content']));
  const enclosure = asArray(entry['link']).find((l) => attr(l, 'rel') === 'enclosure' && (attr(l, 'type') ?? '').startsWith('image/'));
  return finishItem({
    guid: text(entry['id']),
    url,
    title: plainText(entry['title']) || summary.text.slice(0, 120),
    summary: summary.text || content.text,
    publishedAt: isoDate(entry['published']) ?? isoDate(entry['updated']),
    imageUrl: absolute(mediaImage(entry) ?? attr(enclosure, 'href') ?? summary.firstImage ?? content.firstImage, url ?? base),
    author: text(asNode(entry['author'])['name']),
  });
}

function parseDocument(xml: string): XmlNode {
  const trimmed = xml.replace(/^\uFEFF/, '').trim();
  if (!trimmed) throw new FeedError('NOT_A_FEED', 'the document is empty');
  if (looksLikeHtml(trimmed)) {
    const discoveredFeeds = discoverFeedLinks(trimmed, null);
    const hint = discoveredFeeds.length ? `; the page links to these feeds: ${discoveredFeeds.join(', ')}` : '';
    throw new FeedError('NOT_A_FEED', `this is a web page, not an RSS or Atom feed${hint}`, { discoveredFeeds });
  }
  const validation = XMLValidator.validate(trimmed);
  if (validation !== true) {
    const { msg, line } = validation.err;
    throw new FeedError('MALFORMED_XML', `the feed is not well-formed XML (line ${line}: ${msg})`);
  }
  return asNode(parser.parse(trimmed));
}

/** Parses RSS 2.0, RSS 1.0 (RDF) or Atom into a feed with items; anything else is a clear FeedError. */
export function parseFeed(xml: string, options: { baseUrl?: string | null } = {}): ParsedFeed {
  const document = parseDocument(xml);
  const base = options.baseUrl ?? null;
  if (document['rss']) {
    const channel = asNode(asNode(document['rss'])['channel']);
    const link = absolute(text(asArray(channel['link']).find((l) => typeof l === 'string' || !attr(l, 'href'))), base);
    return {
      kind: 'rss',
      title: plainText(channel['title']),
      link,
      description: plainText(channel['description']) || null,
      language: text(channel['language']),
      items: asArray(channel['item']).map((item) => rssItem(asNode(item), link ?? base)),
    };
  }
  if (document['feed']) {
    const feed = asNode(document['feed']);
    const link = absolute(attr(atomLink(feed, 'alternate'), 'href'), base);
    return {
      kind: 'atom',
      title: plainText(feed['title']),
      link,
      description: plainText(feed['subtitle']) || null,
      language: attr(feed, 'xml:lang'),
      items: asArray(feed['entry']).map((entry) => atomItem(asNode(entry), link ?? base)),
    };
  }
  if (document['rdf:RDF']) {
    const rdf = asNode(document['rdf:RDF']);
    const channel = asNode(rdf['channel']);
    const link = absolute(text(asArray(channel['link'])[0]), base);
    return {
      kind: 'rdf',
      title: plainText(channel['title']),
      link,
      description: plainText(channel['description']) || null,
      language: text(channel['dc:language']),
      items: asArray(rdf['item']).map((item) => rssItem(asNode(item), link ?? base)),
    };
  }
  const root = Object.keys(document).find((key) => !key.startsWith('?')) ?? 'nothing';
  throw new FeedError('NOT_A_FEED', `the document's root element is <${root}>, not <rss>, <feed> or <rdf:RDF>`);
}
