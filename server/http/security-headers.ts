import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * Responses under /api/ are data, and files users uploaded or the app made from their input: a
 * browser that opens one directly must not run anything in it, under the app's origin or at all.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * A user's audio or video opened directly plays in the browser's own player, which needs
 * media-src and the file's own origin (in a bare sandbox its origin is opaque and the player's
 * request is refused). allow-same-origin opens no door here: no script may run under this policy.
 */
const USER_MEDIA_CSP = "default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox allow-same-origin";

/** The policy for serving a user's file: images and anything else get API_CSP. */
export const userFileCsp = (mime: string) => (/^(audio|video)\//.test(mime) ? USER_MEDIA_CSP : API_CSP);

/**
 * The web app: its own scripts and styles only. Pictures may come from anywhere (articles, news
 * feeds and stock providers are shown where they are hosted); recordings and previews play from blob: URLs.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https: http:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** A page made of one inline <style> and one inline <script>: exactly those two may run. */
export function inlinePageCsp(html: string): string {
  const inline = (tag: string) => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => sha256(m[1]!)).join(' ');
  return `default-src 'none'; script-src ${inline('script')}; style-src ${inline('style')}; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

/**
 * nosniff on every response, and a Content-Security-Policy on every response that has not set its
 * own: the web app's pages get APP_CSP, everything under /api/ the locked-down API_CSP.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    if (reply.hasHeader('content-security-policy')) return;
    reply.header('content-security-policy', request.url.startsWith('/api/') ? API_CSP : APP_CSP);
  });
}
