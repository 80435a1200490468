import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { createFakePexels } from '../../server/adapters/stock/testing/fake-pexels.ts';

/** Colours of the source pictures, so frames of the rendered video can be matched against them. */
export const STOCK_PHOTO = { id: 3408744, colour: '#0b6fa4', photographer: 'Oleg Magni' };
export const ARTICLE_IMAGE_COLOUR = '#7a3cc8';

const ARTICLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Why the sea rises twice a day</title>
<meta property="og:title" content="Why the sea rises twice a day"></head>
<body><header><nav><a href="/">Home</a> <a href="/science">Science</a></nav></header>
<main><article>
<h1>Why the sea rises twice a day</h1>
<p class="byline">By Mara Quill, science desk</p>
<p>Every coast on Earth sees the water climb and fall twice in a little more than a day. Harbour masters have timed their work by it for centuries, and surfers still plan their mornings around it.</p>
<figure><img src="/images/harbour.jpg" alt="The harbour at high water" width="900" height="600"><figcaption>The harbour at high water.</figcaption></figure>
<p>The cause is the moon. Its gravity pulls hardest on the side of the planet facing it, so the ocean there bulges toward it. On the far side the pull is weakest, and the water left behind forms a second bulge.</p>
<p>As the Earth turns, every shore passes through both bulges and both dips between them. That is why most places see two high tides and two low tides each lunar day, which lasts twenty four hours and fifty minutes.</p>
<p>The sun adds its own smaller pull. When sun and moon line up, at new and full moon, the tides are strongest; when they pull at right angles, the tides are weakest.</p>
</article></main><footer>© Coastal Science Weekly</footer></body></html>`;

/**
 * One local server for the storyboard browser test: Pexels' API and media (the fake speaking its
 * wire format) and an article page with an image. It listens on E2E_STOCK_PORT, the address the
 * app server was given as PEXELS_BASE_URL and allowed to fetch (playwright.config.ts).
 */
export async function startStoryboardSite(port: number) {
  let origin = '';
  const pexels = createFakePexels(
    {
      apiKey: process.env.PEXELS_API_KEY ?? 'e2e-pexels-key',
      photos: [
        { ...STOCK_PHOTO, width: 1200, height: 2000, alt: 'Waves on a pier' },
        { id: 1001, width: 1100, height: 1900, colour: '#c0392b', photographer: 'Ana Lima', alt: 'Red harbour' },
      ],
      videos: [{ id: 855564, colour: '#d2691e', durationSec: 2, author: 'Pressmaster', files: [{ width: 1080, height: 1920, quality: 'hd' }] }],
    },
    () => origin,
  );
  const harbour = await sharp({ create: { width: 900, height: 600, channels: 3, background: ARTICLE_IMAGE_COLOUR } }).jpeg({ quality: 92 }).toBuffer();
  const server = createServer((request, response) => {
    if (request.url === '/article.html') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    if (request.url === '/images/harbour.jpg') return void response.writeHead(200, { 'content-type': 'image/jpeg' }).end(harbour);
    pexels.handle(request, response).then(
      (handled) => (handled ? undefined : response.writeHead(404).end()),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, pexels, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
