import { pipeline, Readable, Transform } from 'node:stream';
import { requestChecked } from './checked-request.ts';
import { BodyTooLargeError, decoded } from './read-body.ts';
import { type Resolver, systemResolver } from './resolve-target.ts';

export interface PinnedFetchOptions {
  /**
   * host:port pairs allowed although private: the operator's own provider servers (an Ollama on
   * localhost) and, in tests, FETCH_ALLOW_PRIVATE_HOSTS. Every other host must be public.
   */
  allowPrivateHosts?: Iterable<string>;
  resolver?: Resolver;
  /** Redirects followed (each hop checked again); default 5. */
  maxRedirects?: number;
  /** Response bodies larger than this (after decompression) fail while being read; default 64 MB. */
  maxBytes?: number;
}

export const PINNED_FETCH_MAX_BYTES = 64 * 1024 * 1024;

function capped(maxBytes: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      callback(total > maxBytes ? new BodyTooLargeError(maxBytes) : null, chunk);
    },
  });
}

/**
 * The fetch every provider adapter uses (LLM, voice, stock, avatar): the address policy of
 * safeFetch (no loopback, private, link-local or metadata addresses unless allowed) applied to
 * every request and every redirect hop, the connection made to the address that was checked (so
 * DNS cannot change between check and connect), keys dropped when a redirect leaves the origin,
 * and a cap on the response size.
 */
export function createPinnedFetch(options: PinnedFetchOptions = {}): typeof fetch {
  const allowPrivateHosts = new Set([...(options.allowPrivateHosts ?? [])].map((host) => host.toLowerCase()));
  const resolver = options.resolver ?? systemResolver;
  const maxRedirects = options.maxRedirects ?? 5;
  const maxBytes = options.maxBytes ?? PINNED_FETCH_MAX_BYTES;
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers = Object.fromEntries(request.headers);
    if (body) headers['content-length'] = String(body.length);
    const { response } = await requestChecked(
      request.url,
      { method: request.method, headers, body },
      { allowPrivateHosts, resolver, maxRedirects, signal: request.signal, redirect: request.redirect },
    );
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    // The body is handed over decoded, so the encoding and length headers no longer describe it.
    responseHeaders.delete('content-encoding');
    responseHeaders.delete('content-length');
    const status = response.statusCode ?? 502;
    const empty = status === 204 || status === 304 || request.method === 'HEAD';
    if (empty) response.resume();
    let stream: ReadableStream | null = null;
    if (!empty) {
      const limited = capped(maxBytes);
      pipeline(decoded(response), limited, () => undefined);
      stream = Readable.toWeb(limited) as ReadableStream;
    }
    return new Response(stream, { status, statusText: response.statusMessage, headers: responseHeaders });
  };
}
