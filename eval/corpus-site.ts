import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';

export const CORPUS_DIR = process.env.CORPUS_DIR ?? new URL('../../shared/corpus/articles', import.meta.url).pathname;

/**
 * The corpus pages over local HTTP. Their pictures live on the publishers' CDNs, out of reach
 * here, so every <img>/og:image URL is pointed at this server, which draws a photo-like stand-in
 * at the size the URL names ("144x144.jpg", "/300.jpg") or 1280x853; a URL without an image
 * extension answers a 1x1 GIF, as a tracking pixel would.
 */
export async function startCorpusSite(): Promise<{ origin: string; close: () => Promise<void> }> {
  let origin = '';
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(request.url ?? '/');
      if (path.startsWith('/pages/')) {
        const html = await readFile(join(CORPUS_DIR, path.slice('/pages/'.length)), 'utf8');
        const local = html.replace(/(src|content|srcset|data-src)="(https?:)?\/\/([^"\s]+)"/g, (_m, attribute: string, _scheme, rest: string) => `${attribute}="${origin}/remote/${rest}"`);
        return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(local);
      }
      if (path.startsWith('/remote/')) {
        const file = path.split('?')[0]!;
        if (!/\.(jpe?g|png|webp)$/i.test(file)) return response.writeHead(200, { 'content-type': 'image/gif' }).end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
        const dims = /(\d{2,4})x(\d{2,4})/.exec(file) ?? /\/(\d{2,4})\.\w+$/.exec(file);
        const width = dims ? Number(dims[1]) : 1280;
        const height = dims?.[2] ? Number(dims[2]) : dims ? Math.round(width * 0.66) : 853;
        return response.writeHead(200, { 'content-type': 'image/jpeg' }).end(await standIn(file, width, height));
      }
      response.writeHead(404).end();
    })().catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A landscape with a sun, coloured from the URL, labelled with its file name: easy to spot on a contact sheet. */
function standIn(name: string, width: number, height: number): Promise<Buffer> {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  const label = name.split('/').slice(-2).join('/').replace(/[<&>"]/g, '').slice(0, 40);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,65%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},60%,35%)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#sky)"/><circle cx="${width * 0.7}" cy="${height * 0.3}" r="${Math.min(width, height) * 0.12}" fill="#fff6c0"/>
<path d="M0 ${height * 0.75} L${width * 0.3} ${height * 0.45} L${width * 0.55} ${height * 0.7} L${width * 0.8} ${height * 0.5} L${width} ${height * 0.72} V${height} H0Z" fill="hsl(${(hue + 180) % 360},35%,22%)"/>
<text x="${width * 0.05}" y="${height * 0.12}" font-family="sans-serif" font-size="${Math.max(12, height * 0.05)}" fill="#fff">${label}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
