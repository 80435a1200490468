import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, readBodyLimited } from './read-body.ts';
import { requestChecked } from './checked-request.ts';
import type { Resolver } from './resolve-target.ts';
import { systemResolver } from './resolve-target.ts';
import { SafeFetchError } from './safe-fetch-error.ts';

export { SafeFetchError } from './safe-fetch-error.ts';
export type { SafeFetchErrorCode } from './safe-fetch-error.ts';
export type { Resolver, ResolvedAddress } from './resolve-target.ts';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
export const HTML_OR_TEXT = ['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown'];
export const DEFAULT_USER_AGENT = 'ReelForge/0.1 (+article import)';

export interface SafeFetchOptions {
  /** Whole-fetch deadline (DNS, connect, redirects and body). Default 10 s. */
  timeoutMs?: number;
  /** Body cap after decompression; the stream is aborted past it. Default 5 MB. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Media types accepted for the final response; "type/*" wildcards allowed. Default HTML/text. */
  allowedContentTypes?: readonly string[];
  userAgent?: string;
  accept?: string;
  /**
   * "host:port" entries (as written in the URL, e.g. "127.0.0.1:43210", "[::1]:8080",
   * "localhost:3000") that may be fetched although they are private. Only tests set this: the
   * app fills it from the FETCH_ALLOW_PRIVATE_HOSTS config variable, empty by default. A redirect
   * to any other private host is still refused.
   */
  allowPrivateHosts?: readonly string[];
  /** DNS resolver; defaults to the system's. Tests inject one to simulate hostile answers. */
  resolve?: Resolver;
  /** Extra trusted certificate authorities (PEM). */
  ca?: string | Buffer;
  signal?: AbortSignal;
}

export interface SafeFetchResponse {
  /** The final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Lower-case media type without parameters, e.g. "text/html". */
  contentType: string;
  charset: string | null;
  body: Buffer;
  /** Every URL visited before the final one. */
  redirects: string[];
  /** The IP address the final response came from. */
  address: string;
}

export function mediaTypeMatches(mediaType: string, allowed: readonly string[]): boolean {
  return allowed.some((pattern) => {
    const p = pattern.toLowerCase();
    return p === '*/*' || p === mediaType || (p.endsWith('/*') && mediaType.startsWith(p.slice(0, -1)));
  });
}

function parseContentType(header: string | undefined): { mediaType: string; charset: string | null } {
  const [type = '', ...params] = (header ?? '').split(';');
  const charsetParam = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('charset='));
  const charset = charsetParam ? charsetParam.slice(8).replace(/^"|"$/g, '').trim().toLowerCase() : null;
  return { mediaType: type.trim().toLowerCase(), charset: charset || null };
}

function flatHeaders(response: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * GETs a user-supplied URL without letting it reach internal addresses: the host is resolved
 * here, every address is checked, the socket is pinned to the checked address, and redirects are
 * followed by hand with the same checks on every hop.
 */
export async function safeFetch(rawUrl: string | URL, options: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const allowedTypes = options.allowedContentTypes ?? HTML_OR_TEXT;
  const allowPrivate = new Set((options.allowPrivateHosts ?? []).map((h) => h.toLowerCase()));
  const resolver = options.resolve ?? systemResolver;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
  const onOuterAbort = () => controller.abort(new Error('aborted'));
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) onOuterAbort();

  let url = hrefOf(rawUrl);
  const failure = (error: unknown): SafeFetchError => {
    if (error instanceof SafeFetchError) return error;
    if (controller.signal.aborted) {
      return options.signal?.aborted
        ? new SafeFetchError('ABORTED', `fetching ${url} was cancelled`, url)
        : new SafeFetchError('TIMEOUT', `${new URL(url).host} did not answer within ${timeoutMs / 1000} s`, url);
    }
    if (error instanceof BodyTooLargeError) {
      return new SafeFetchError('TOO_LARGE', `${url} is larger than ${formatBytes(maxBytes)}`, url);
    }
    const code = (error as NodeJS.ErrnoException).code;
    return new SafeFetchError('NETWORK', `could not fetch ${url}: ${code ?? (error as Error).message}`, url);
  };

  try {
    const headers = {
      'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
      accept: options.accept ?? `${allowedTypes.join(', ')};q=0.9, */*;q=0.1`,
      'accept-encoding': 'gzip, deflate, br',
    };
    const answer = await requestChecked(rawUrl, { method: 'GET', headers }, { allowPrivateHosts: allowPrivate, resolver, maxRedirects, signal: controller.signal, ca: options.ca });
    const { response, redirects } = answer;
    url = answer.url.href;
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299) {
      response.destroy();
      // The reason phrase is the server's text: only the status number is reported.
      throw new SafeFetchError('HTTP_STATUS', `${url} answered HTTP ${status}`, url, status);
    }
    const { mediaType, charset } = parseContentType(response.headers['content-type']);
    if (!mediaTypeMatches(mediaType, allowedTypes)) {
      response.destroy();
      const got = mediaType ? `"${mediaType.slice(0, 100)}"` : 'no content type';
      throw new SafeFetchError('UNSUPPORTED_CONTENT_TYPE', `${url} sent ${got}; expected ${allowedTypes.join(', ')}`, url, status);
    }
    const declaredLength = Number(response.headers['content-length']);
    if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
      response.destroy();
      throw new BodyTooLargeError(maxBytes);
    }
    const body = await readBodyLimited(response, maxBytes);
    return { url, status, headers: flatHeaders(response), contentType: mediaType, charset, body, redirects, address: answer.address };
  } catch (error) {
    throw failure(error);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/** The normalised URL for messages; an unparsable one is refused by the request before any message uses a host. */
function hrefOf(raw: string | URL): string {
  try {
    return new URL(String(raw)).href;
  } catch {
    return String(raw);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${bytes} bytes`;
}
