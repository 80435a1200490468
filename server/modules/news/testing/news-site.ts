import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { STORIES, type Story } from './stories.ts';

export interface NewsSite {
  origin: string;
  /** "127.0.0.1:port", the FETCH_ALLOW_PRIVATE_HOSTS entry for this site. */
  hostKey: string;
  feedUrl: string;
  atomUrl: string;
  homeUrl: string;
  articleUrl(slug: string): string;
  /** The stories the feeds list now (newest first); change it to simulate new stories. */
  stories: Story[];
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function rss(site: NewsSite, now: Date): string {
  const items = site.stories
    .map(
      (s) => `    <item>
      <title>${escapeXml(s.title)}</title>
      <link>${site.articleUrl(s.slug)}?utm_source=rss</link>
      <guid isPermaLink="false">eastbrook-${s.slug}</guid>
      <pubDate>${new Date(now.getTime() - s.ageHours * 3600_000).toUTCString()}</pubDate>
      <dc:creator>${escapeXml(s.author)}</dc:creator>
      <description><![CDATA[<p>${s.summary}</p>]]></description>
      <media:content url="${site.origin}/images/${s.slug}.jpg" medium="image"/>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Eastbrook Courier</title>
    <link>${site.homeUrl}</link>
    <description>News from Eastbrook and beyond</description>
${items}
  </channel>
</rss>`;
}

function atom(site: NewsSite, now: Date): string {
  const entries = site.stories
    .map((s) => {
      const date = new Date(now.getTime() - s.ageHours * 3600_000).toISOString();
      return `  <entry>
    <title>${escapeXml(s.title)}</title>
    <link rel="alternate" href="${site.articleUrl(s.slug)}"/>
    <id>urn:eastbrook:${s.slug}</id>
    <published>${date}</published>
    <updated>${date}</updated>
    <summary>${escapeXml(s.summary)}</summary>
  </entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Eastbrook Courier (Atom)</title>
  <link href="${site.homeUrl}"/>
  <id>urn:eastbrook:feed</id>
  <updated>${now.toISOString()}</updated>
${entries}
</feed>`;
}

/** An article page with the clutter real pages have: navigation, a share bar, an ad, comments. */
function articlePage(site: NewsSite, story: Story, now: Date): string {
  const date = new Date(now.getTime() - story.ageHours * 3600_000).toISOString();
  const lang = /[а-я]/i.test(story.title) ? 'ru' : 'en';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<title>${escapeXml(story.title)} | Eastbrook Courier</title>
<meta property="og:title" content="${escapeXml(story.title)}">
<meta property="og:site_name" content="Eastbrook Courier">
<meta property="og:image" content="${site.origin}/images/${story.slug}.jpg">
<meta property="article:published_time" content="${date}">
<meta name="author" content="${escapeXml(story.author)}">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
</head><body>
<header><nav><a href="/">Home</a> <a href="/city">City</a> <a href="/science">Science</a> <a href="/sport">Sport</a> <a href="/subscribe">Subscribe</a></nav></header>
<div class="share">Share on Facebook · Share on X · Copy link</div>
<main><article>
<h1>${escapeXml(story.title)}</h1>
<p class="byline">By ${escapeXml(story.author)}</p>
<figure><img src="/images/${story.slug}-body.jpg" alt=""><figcaption>Photo: Eastbrook Courier</figcaption></figure>
${story.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}
</article></main>
<aside class="ad">Advertisement — Save 50% on your first year of the Courier!</aside>
<section class="comments"><h2>Comments (3)</h2><p>Great news, finally!</p><p>Who is going to pay for this?</p><p>First!</p></section>
<footer>© Eastbrook Courier · Privacy · Cookies · Contact</footer>
</body></html>`;
}

function homePage(site: NewsSite): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Eastbrook Courier</title>
<link rel="alternate" type="application/rss+xml" title="Eastbrook Courier" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" title="Eastbrook Courier (Atom)" href="/atom.xml">
</head><body><h1>Eastbrook Courier</h1><ul>${site.stories.map((s) => `<li><a href="/articles/${s.slug}">${escapeXml(s.title)}</a></li>`).join('')}</ul></body></html>`;
}

/** A local news website (RSS, Atom, home page, article pages) on 127.0.0.1 for tests and benchmarks. */
export async function startNewsSite(options: { port?: number; now?: () => Date; stories?: Story[] } = {}): Promise<NewsSite> {
  const now = options.now ?? (() => new Date());
  // Filled in once the server listens (the handler reads it per request).
  const site = {} as NewsSite;
  const send = (res: ServerResponse, status: number, type: string, body: string) => res.writeHead(status, { 'content-type': type }).end(body);
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    site.requests.push(path);
    if (path === '/feed.xml') return send(res, 200, 'application/rss+xml; charset=utf-8', rss(site, now()));
    if (path === '/atom.xml') return send(res, 200, 'application/atom+xml; charset=utf-8', atom(site, now()));
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', homePage(site));
    const story = STORIES.concat(site.stories).find((s) => path === `/articles/${s.slug}`);
    if (story) return send(res, 200, 'text/html; charset=utf-8', articlePage(site, story, now()));
    if (path === '/redirect-to-loopback') return res.writeHead(302, { location: 'http://127.0.0.1:9/private' }).end();
    return send(res, 404, 'text/html; charset=utf-8', '<h1>Not found</h1>');
  };
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  Object.assign(site, {
    origin,
    hostKey: `127.0.0.1:${port}`,
    feedUrl: `${origin}/feed.xml`,
    atomUrl: `${origin}/atom.xml`,
    homeUrl: `${origin}/`,
    articleUrl: (slug) => `${origin}/articles/${slug}`,
    stories: [...(options.stories ?? STORIES)],
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } satisfies NewsSite);
  return site;
}
