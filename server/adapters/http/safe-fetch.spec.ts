import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from './__fixtures__/local-server.ts';
import type { LocalServer } from './__fixtures__/local-server.ts';
import { decodeText } from './decode-text.ts';
import type { Resolver } from './safe-fetch.ts';
import { safeFetch, SafeFetchError } from './safe-fetch.ts';

async function failure(promise: Promise<unknown>): Promise<SafeFetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SafeFetchError);
    return error as SafeFetchError;
  }
  throw new Error('expected the fetch to fail');
}

const resolvesTo =
  (table: Record<string, string[]>, calls: string[] = []): Resolver =>
  async (hostname) => {
    calls.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

let site: LocalServer;
let victim: LocalServer;

beforeAll(async () => {
  victim = await startLocalServer((_req, res) => res.end('internal secret'));
  site = await startLocalServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hop = Number(url.searchParams.get('n') ?? 0);
    switch (url.pathname) {
      case '/article':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>Привет, world</p>');
        return;
      case '/host':
        res.writeHead(200, { 'content-type': 'text/plain' }).end(req.headers.host);
        return;
      case '/to-loopback':
        res.writeHead(302, { location: `http://127.0.0.1:${victim.port}/` }).end();
        return;
      case '/to-localhost':
        res.writeHead(301, { location: `http://localhost:${victim.port}/` }).end();
        return;
      case '/to-metadata':
        res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      case '/to-file':
        res.writeHead(302, { location: 'file:///etc/passwd' }).end();
        return;
      case '/chain':
        if (hop >= 5) res.writeHead(200, { 'content-type': 'text/plain' }).end(`done after ${hop}`);
        else res.writeHead(302, { location: `chain?n=${hop + 1}` }).end();
        return;
      case '/loop':
        res.writeHead(302, { location: `/loop?n=${hop + 1}` }).end();
        return;
      case '/hang':
        return; // never answers
      case '/big':
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 40; i++) res.write(Buffer.alloc(64 * 1024, 97));
        res.end();
        return;
      case '/big-declared':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
        res.write('<p>');
        return;
      case '/bomb':
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(8 * 1024 * 1024, 32)));
        return;
      case '/gzip':
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync('<p>compressed</p>'));
        return;
      case '/image':
        res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
        return;
      case '/cp1251':
        res.writeHead(200, { 'content-type': 'text/html' }).end(
          Buffer.concat([Buffer.from('<meta charset="windows-1251"><p>'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), Buffer.from('</p>')]),
        );
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' }).end('missing');
    }
  });
});

afterAll(async () => {
  await site.close();
  await victim.close();
});

const allowSite = () => ({ allowPrivateHosts: [site.hostKey] });

describe('safeFetch refuses internal targets', () => {
  it.each([
    ['loopback IPv4', () => `http://127.0.0.1:${victim.port}/`],
    ['localhost', () => `http://localhost:${victim.port}/`],
    ['IPv6 loopback', () => `http://[::1]:${victim.port}/`],
    ['private 10/8', () => 'http://10.0.0.1/'],
    ['private 192.168/16', () => 'http://192.168.1.1/admin'],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['metadata host name', () => 'http://metadata.google.internal/computeMetadata/v1/'],
    ['decimal-encoded loopback', () => `http://2130706433:${victim.port}/`],
    ['IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${victim.port}/`],
  ])('%s', async (_label, url) => {
    const before = victim.requests.length;
    const error = await failure(safeFetch(url(), { resolve: resolvesTo({}) }));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(error.message).toMatch(/refused to fetch .* it points to/);
    expect(victim.requests.length).toBe(before);
  });

  it('a public-looking host name that resolves to loopback', async () => {
    const before = victim.requests.length;
    const error = await failure(safeFetch(`http://totally-public.example:${victim.port}/`, { resolve: resolvesTo({ 'totally-public.example': ['127.0.0.1'] }) }));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(error.message).toContain('totally-public.example resolves to 127.0.0.1');
    expect(victim.requests.length).toBe(before);
  });

  it('a host name with one public and one private answer', async () => {
    const error = await failure(safeFetch('http://mixed.example/', { resolve: resolvesTo({ 'mixed.example': ['93.184.216.34', '10.1.2.3'] }) }));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(error.message).toContain('10.1.2.3');
  });

  it.each([
    ['/to-loopback', /127\.0\.0\.1/],
    ['/to-localhost', /localhost/],
    ['/to-metadata', /metadata/],
  ])('an allowed URL that redirects inward (%s)', async (path, mention) => {
    const before = victim.requests.length;
    const error = await failure(safeFetch(`${site.origin}${path}`, allowSite()));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(error.message).toMatch(mention);
    expect(victim.requests.length).toBe(before);
  });

  it('a redirect to a non-http scheme', async () => {
    const error = await failure(safeFetch(`${site.origin}/to-file`, allowSite()));
    expect(error.code).toBe('BAD_URL');
    expect(error.message).toContain('file:');
  });

  it.each(['ftp://example.com/file', 'file:///etc/passwd', 'not a url', 'http://user:secret@example.com/', 'javascript:alert(1)'])(
    'bad URL %s',
    async (url) => {
      const error = await failure(safeFetch(url));
      expect(error.code).toBe('BAD_URL');
    },
  );

  it('reports a name that does not resolve', async () => {
    const error = await failure(safeFetch('http://no-such-host.example/', { resolve: resolvesTo({}) }));
    expect(error.code).toBe('DNS');
    expect(error.message).toContain('does not exist');
  });
});

describe('safeFetch fetches allowed targets', () => {
  it('returns body, media type and charset', async () => {
    const response = await safeFetch(`${site.origin}/article`, allowSite());
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('text/html');
    expect(response.charset).toBe('utf-8');
    expect(decodeText(response.body, response.charset)).toBe('<p>Привет, world</p>');
    expect(response.address).toBe('127.0.0.1');
  });

  it('resolves once, connects to the checked address and keeps the Host header', async () => {
    const calls: string[] = [];
    const response = await safeFetch(`http://news.test:${site.port}/host`, {
      resolve: resolvesTo({ 'news.test': ['127.0.0.1'] }, calls),
      allowPrivateHosts: [`news.test:${site.port}`],
    });
    expect(response.body.toString()).toBe(`news.test:${site.port}`);
    expect(calls).toEqual(['news.test']);
  });

  it('follows up to five redirects, relative ones included', async () => {
    const response = await safeFetch(`${site.origin}/chain`, allowSite());
    expect(response.body.toString()).toBe('done after 5');
    expect(response.redirects).toHaveLength(5);
    expect(response.url).toBe(`${site.origin}/chain?n=5`);
  });

  it('stops after five redirects', async () => {
    const error = await failure(safeFetch(`${site.origin}/loop`, allowSite()));
    expect(error.code).toBe('TOO_MANY_REDIRECTS');
  });

  it('decompresses gzip bodies', async () => {
    const response = await safeFetch(`${site.origin}/gzip`, allowSite());
    expect(response.body.toString()).toBe('<p>compressed</p>');
  });

  it('decodes windows-1251 declared in a meta tag', async () => {
    const response = await safeFetch(`${site.origin}/cp1251`, allowSite());
    expect(decodeText(response.body, response.charset)).toContain('Привет');
  });

  it('times out on a server that never answers', async () => {
    const error = await failure(safeFetch(`${site.origin}/hang`, { ...allowSite(), timeoutMs: 300 }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('0.3 s');
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const pending = safeFetch(`${site.origin}/hang`, { ...allowSite(), signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).code).toBe('ABORTED');
  });

  it.each(['/big', '/big-declared', '/bomb'])('caps the body size (%s)', async (path) => {
    const error = await failure(safeFetch(`${site.origin}${path}`, { ...allowSite(), maxBytes: 1024 * 1024 }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('1 MB');
  });

  it('refuses unexpected content types unless allowed', async () => {
    const error = await failure(safeFetch(`${site.origin}/image`, allowSite()));
    expect(error.code).toBe('UNSUPPORTED_CONTENT_TYPE');
    expect(error.message).toContain('image/png');
    const image = await safeFetch(`${site.origin}/image`, { ...allowSite(), allowedContentTypes: ['image/*'] });
    expect(image.body).toHaveLength(4);
  });

  it('reports HTTP error statuses', async () => {
    const error = await failure(safeFetch(`${site.origin}/missing`, allowSite()));
    expect(error.code).toBe('HTTP_STATUS');
    expect(error.status).toBe(404);
  });
});

describe('safeFetch over TLS', () => {
  it('pins the address and still sends the host name as SNI', async () => {
    const fixtures = new URL('./__fixtures__/', import.meta.url);
    const cert = readFileSync(new URL('news-test.cert.pem', fixtures));
    const key = readFileSync(new URL('news-test.key.pem', fixtures));
    const servernames: string[] = [];
    const tlsServer = await startLocalServer((req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(`secure ${req.headers.host}`), {
      cert,
      key,
      SNICallback: (servername, done) => {
        servernames.push(servername);
        done(null, undefined);
      },
    });
    try {
      const response = await safeFetch(`https://news.test:${tlsServer.port}/`, {
        resolve: resolvesTo({ 'news.test': ['127.0.0.1'] }),
        allowPrivateHosts: [`news.test:${tlsServer.port}`],
        ca: cert,
      });
      expect(response.body.toString()).toBe(`secure news.test:${tlsServer.port}`);
      expect(servernames).toEqual(['news.test']);
    } finally {
      await tlsServer.close();
    }
  });
});
