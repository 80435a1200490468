import type { IncomingMessage } from 'node:http';
import { requestOnce } from './request-once.ts';
import type { Resolver } from './resolve-target.ts';
import { parseTargetUrl, resolveTarget } from './resolve-target.ts';
import { SafeFetchError } from './safe-fetch-error.ts';

export interface CheckedRequest {
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface CheckedRequestOptions {
  allowPrivateHosts: ReadonlySet<string>;
  resolver: Resolver;
  maxRedirects: number;
  signal: AbortSignal;
  ca?: string | Buffer;
  /** 'manual' hands a redirect response back as it is; 'error' refuses it; 'follow' (default) follows it. */
  redirect?: RequestRedirect;
}

export interface CheckedResponse {
  response: IncomingMessage;
  /** The URL that answered (after redirects). */
  url: URL;
  redirects: string[];
  address: string;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Headers that may follow a redirect to another origin. Everything else (Authorization, X-Api-Key,
 * Xi-Api-Key, cookies) is dropped, so a key never leaves the origin it was meant for.
 */
const CROSS_ORIGIN_HEADERS = new Set(['accept', 'accept-encoding', 'accept-language', 'user-agent', 'content-type', 'content-length']);

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    work.then(resolve, reject);
  });
}

/** The request a redirect asks for: 303 (and 301/302 after a POST) become a GET without a body. */
function redirected(request: CheckedRequest, status: number, from: URL, to: URL): CheckedRequest {
  const toGet = (status === 303 && request.method !== 'HEAD') || ((status === 301 || status === 302) && request.method === 'POST');
  const sameOrigin = from.origin === to.origin;
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => {
      const lower = name.toLowerCase();
      if (toGet && (lower === 'content-type' || lower === 'content-length')) return false;
      return sameOrigin || CROSS_ORIGIN_HEADERS.has(lower);
    }),
  );
  return toGet ? { method: 'GET', headers } : { ...request, headers };
}

/**
 * Sends one request to an address that passed the policy, and follows redirects by hand with the
 * same check on every hop. The socket is pinned to the checked address (no second DNS answer).
 */
export async function requestChecked(start: string | URL, first: CheckedRequest, options: CheckedRequestOptions): Promise<CheckedResponse> {
  let url = parseTargetUrl(start);
  let request = first;
  const redirects: string[] = [];
  for (;;) {
    const target = await untilAborted(resolveTarget(url, options.resolver, options.allowPrivateHosts), options.signal);
    const response = await requestOnce(url, target, { ...request, signal: options.signal, ca: options.ca });
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (!REDIRECT_STATUSES.has(status) || !location || options.redirect === 'manual') {
      return { response, url, redirects, address: target.address };
    }
    response.destroy();
    if (options.redirect === 'error') throw new SafeFetchError('NETWORK', `${url.host} answered with a redirect, which is not followed here`, url.href, status);
    if (redirects.length >= options.maxRedirects) {
      throw new SafeFetchError('TOO_MANY_REDIRECTS', `${redirects[0] ?? url.href} redirected more than ${options.maxRedirects} times`, url.href);
    }
    redirects.push(url.href);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new SafeFetchError('BAD_URL', `${url.href} redirected to an invalid URL`, url.href);
    }
    next = parseTargetUrl(next);
    request = redirected(request, status, url, next);
    url = next;
  }
}
