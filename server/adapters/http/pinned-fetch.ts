import { Readable } from 'node:stream';
import { requestOnce } from './request-once.ts';
import { parseTargetUrl, type Resolver, resolveTarget, systemResolver } from './resolve-target.ts';

export interface PinnedFetchOptions {
  /** host:port pairs allowed although private (tests only, from FETCH_ALLOW_PRIVATE_HOSTS). */
  allowPrivateHosts?: Iterable<string>;
  resolver?: Resolver;
}

/**
 * A fetch for URLs a user typed in (their own LLM or voice server): the address policy of
 * safeFetch (no loopback, private, link-local or metadata addresses) applied to every request,
 * and the connection made to the address that was checked, so DNS cannot be switched between
 * the check and the connect. No redirects are followed; API servers answer directly.
 */
export function createPinnedFetch(options: PinnedFetchOptions = {}): typeof fetch {
  const allow = new Set(options.allowPrivateHosts ?? []);
  const resolver = options.resolver ?? systemResolver;
  return async (input, init) => {
    const request = new Request(input, init);
    const url = parseTargetUrl(request.url);
    const target = await resolveTarget(url, resolver, allow);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers = Object.fromEntries(request.headers);
    if (body) headers['content-length'] = String(body.length);
    const response = await requestOnce(url, target, { headers, signal: request.signal, method: request.method, body });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const status = response.statusCode ?? 502;
    const empty = status === 204 || status === 304 || request.method === 'HEAD';
    if (empty) response.resume();
    return new Response(empty ? null : (Readable.toWeb(response) as ReadableStream), {
      status,
      statusText: response.statusMessage,
      headers: responseHeaders,
    });
  };
}
