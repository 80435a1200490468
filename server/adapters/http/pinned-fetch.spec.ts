import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
});
