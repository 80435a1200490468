import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { requestChecked } from './checked-request.ts';
import { BodyTooLargeError, decoded } from './read-body.ts';
import { systemResolver } from './resolve-target.ts';
import { mediaTypeMatches, type SafeFetchOptions } from './safe-fetch.ts';
import { SafeFetchError } from './safe-fetch-error.ts';

export interface SafeDownloadOptions extends Pick<SafeFetchOptions, 'allowPrivateHosts' | 'resolve' | 'ca' | 'signal' | 'userAgent'> {
  timeoutMs: number;
  maxBytes: number;
  allowedContentTypes: readonly string[];
  /** Extra request headers (a Referer a video host asks for); never credentials. */
  headers?: Record<string, string>;
  /** An HTML page answers `{ page: true }` instead of failing: the caller reads it another way. */
  acceptsPage?: boolean;
  onProgress?: (bytes: number, totalBytes: number | null) => void;
}

export type SafeDownloadResult = { page: true; url: string } | { page: false; url: string; contentType: string; bytes: number };

const PAGE_TYPES = ['text/html', 'application/xhtml+xml'];
const SAFE_EXTRA_HEADERS = new Set(['referer', 'user-agent', 'accept', 'accept-language', 'origin']);

/**
 * Streams a user-supplied URL into `file` with the safe-fetch rules (checked and pinned addresses
 * on every redirect hop, a size cap counted on the decoded bytes, a whole-download deadline). The
 * bytes go to a temporary name beside `file` and are renamed only when complete: a cancelled,
 * timed-out or oversized download leaves no file at all.
 */
export async function safeDownload(rawUrl: string, file: string, options: SafeDownloadOptions): Promise<SafeDownloadResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), options.timeoutMs);
  const onOuterAbort = () => controller.abort(new Error('aborted'));
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) onOuterAbort();
  const temp = `${file}.part-${randomUUID()}`;
  let url = rawUrl;
  try {
    const extra = Object.fromEntries(Object.entries(options.headers ?? {}).filter(([name]) => SAFE_EXTRA_HEADERS.has(name.toLowerCase())));
    const headers = { 'user-agent': options.userAgent ?? 'ReelForge/0.1 (media import)', accept: '*/*', 'accept-encoding': 'identity', ...extra };
    const answer = await requestChecked(rawUrl, { method: 'GET', headers }, {
      allowPrivateHosts: new Set((options.allowPrivateHosts ?? []).map((h) => h.toLowerCase())),
      resolver: options.resolve ?? systemResolver,
      maxRedirects: 5,
      signal: controller.signal,
      ca: options.ca,
    });
    const { response } = answer;
    url = answer.url.href;
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299) {
      response.destroy();
      throw new SafeFetchError('HTTP_STATUS', `${url} answered HTTP ${status}`, url, status);
    }
    const mediaType = String(response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (options.acceptsPage && PAGE_TYPES.includes(mediaType)) {
      response.destroy();
      return { page: true, url };
    }
    if (!mediaTypeMatches(mediaType, options.allowedContentTypes)) {
      response.destroy();
      throw new SafeFetchError('UNSUPPORTED_CONTENT_TYPE', `${url} sent ${mediaType ? `"${mediaType.slice(0, 100)}"` : 'no content type'}, not audio or video`, url, status);
    }
    const declared = Number(response.headers['content-length']);
    const total = Number.isFinite(declared) && declared > 0 ? declared : null;
    if (total !== null && total > options.maxBytes) {
      response.destroy();
      throw new BodyTooLargeError(options.maxBytes);
    }
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > options.maxBytes) return done(new BodyTooLargeError(options.maxBytes));
        options.onProgress?.(bytes, total);
        done(null, chunk);
      },
    });
    await pipeline(decoded(response), counter, createWriteStream(temp), { signal: controller.signal });
    await rename(temp, file);
    return { page: false, url, contentType: mediaType, bytes };
  } catch (error) {
    await rm(temp, { force: true });
    throw downloadFailure(error, url, controller.signal, options);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

function downloadFailure(error: unknown, url: string, signal: AbortSignal, options: SafeDownloadOptions): unknown {
  if (error instanceof SafeFetchError) return error;
  if (error instanceof BodyTooLargeError) return new SafeFetchError('TOO_LARGE', `${url} is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB`, url);
  if (signal.aborted) {
    return options.signal?.aborted
      ? new SafeFetchError('ABORTED', `downloading ${url} was cancelled`, url)
      : new SafeFetchError('TIMEOUT', `downloading ${url} took longer than ${Math.round(options.timeoutMs / 1000)} s`, url);
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EACCES') return error;
  return new SafeFetchError('NETWORK', `could not download ${url}: ${code ?? (error as Error).message}`, url);
}
