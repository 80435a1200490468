import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPinnedFetch } from './pinned-fetch.ts';

describe('pinned fetch for user-supplied provider URLs', () => {
  let server: Server;
  let port = 0;
  const seen: Array<{ method: string; url: string; body: string; host: string }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, body, host: req.headers.host! });
        res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'abc' });
        res.end(JSON.stringify({ echoed: JSON.parse(body || '{}') }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('refuses loopback, private and metadata addresses, also behind a name, without sending anything', async () => {
    const fetchPinned = createPinnedFetch({ resolver: async () => [{ address: '127.0.0.1', family: 4 }] });
    for (const url of [`http://127.0.0.1:${port}/v1/chat`, 'http://10.0.0.1/v1', 'http://169.254.169.254/latest', `http://sneaky.example:${port}/v1`]) {
      await expect(fetchPinned(url, { method: 'POST', body: '{}' }), url).rejects.toThrow(/refused to fetch/);
    }
    expect(seen).toHaveLength(0);
  });

  it('POSTs a body to an allowed server, connecting to the checked address with the name as Host', async () => {
    const fetchPinned = createPinnedFetch({
      allowPrivateHosts: [`llm.test:${port}`],
      resolver: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    const response = await fetchPinned(`http://llm.test:${port}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
      body: JSON.stringify({ model: 'm' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('abc');
    expect(await response.json()).toEqual({ echoed: { model: 'm' } });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/v1/chat/completions', host: `llm.test:${port}` });
  });

  describe('redirects', () => {
    let target: Server;
    let targetPort = 0;
    const reached: Array<{ method: string; url: string; headers: Record<string, unknown>; body: string }> = [];
    beforeAll(async () => {
      target = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          reached.push({ method: req.method!, url: req.url!, headers: req.headers, body });
          if (req.url === '/again') return void res.writeHead(303, { location: '/final' }).end();
          if (req.url === '/big') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.alloc(4096));
          if (req.url === '/gzip') return void res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync('{"ok":true}'));
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        });
      });
      await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
      targetPort = (target.address() as AddressInfo).port;
    });
    afterAll(() => new Promise((resolve) => target.close(resolve)));

    const hop = (location: string, status = 302) => {
      const server = createServer((_req, res) => res.writeHead(status, { location }).end());
      return new Promise<{ url: string; close: () => void }>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })),
      );
    };

    it('refuses a redirect to a private address that is not allowed, before connecting to it', async () => {
      const from = await hop(`http://127.0.0.1:${targetPort}/inside`);
      const before = reached.length;
      const fetchPinned = createPinnedFetch({ allowPrivateHosts: [new URL(from.url).host] });
      await expect(fetchPinned(`${from.url}/start`, { headers: { authorization: 'Bearer k' } })).rejects.toThrow(/refused to fetch 127\.0\.0\.1:\d+: it points to loopback/);
      expect(reached.length).toBe(before);
      from.close();
    });

    it('follows an allowed redirect to another origin without the keys, and a 303 after a POST as a GET', async () => {
      const from = await hop(`http://127.0.0.1:${targetPort}/again`, 307);
      const fetchPinned = createPinnedFetch({ allowPrivateHosts: [new URL(from.url).host, `127.0.0.1:${targetPort}`] });
      const response = await fetchPinned(`${from.url}/start`, {
        method: 'POST',
        headers: { authorization: 'Bearer k', 'x-api-key': 'k2', 'xi-api-key': 'k3', 'content-type': 'application/json', accept: 'application/json' },
        body: '{"a":1}',
      });
      expect(await response.json()).toEqual({ ok: true });
      const [posted, final] = reached.slice(-2);
      // 307 keeps the method and body; the other origin gets no key.
      expect(posted).toMatchObject({ method: 'POST', url: '/again', body: '{"a":1}' });
      expect(posted!.headers).toMatchObject({ 'content-type': 'application/json', accept: 'application/json' });
      for (const name of ['authorization', 'x-api-key', 'xi-api-key']) expect(posted!.headers[name]).toBeUndefined();
      expect(final).toMatchObject({ method: 'GET', url: '/final', body: '' });
      from.close();
    });

    it('hands back a redirect as it is when asked to (redirect: "manual")', async () => {
      const from = await hop('http://10.0.0.1/inside');
      const fetchPinned = createPinnedFetch({ allowPrivateHosts: [new URL(from.url).host] });
      const response = await fetchPinned(`${from.url}/start`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      from.close();
    });

    it('decodes a gzip body and stops a body larger than the cap', async () => {
      const fetchPinned = createPinnedFetch({ allowPrivateHosts: [`127.0.0.1:${targetPort}`], maxBytes: 1024 });
      expect(await (await fetchPinned(`http://127.0.0.1:${targetPort}/gzip`)).json()).toEqual({ ok: true });
      const big = await fetchPinned(`http://127.0.0.1:${targetPort}/big`);
      await expect(big.arrayBuffer()).rejects.toThrow();
    });
  });
});
