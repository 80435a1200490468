import { setTimeout as sleep } from 'node:timers/promises';
import type { TtsProviderId } from '../../../contracts/voice.ts';
import {
  TtsAuthError,
  TtsCancelledError,
  TtsError,
  TtsRateLimitError,
  TtsRequestError,
  TtsServerError,
} from './errors.ts';
import { createPinnedFetch } from '../http/pinned-fetch.ts';

export interface TtsHttpOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  /** Extra attempts after a 429, 5xx or network failure. */
  maxRetries: number;
  /** First back-off delay; doubles per retry unless the server sends Retry-After. */
  retryDelayMs?: number;
  /** The fetch to use; a user-supplied server gets the address-checked one (adapters/http/pinned-fetch). */
  fetch?: typeof fetch;
}

const MAX_RETRY_WAIT_MS = 10_000;
function retryAfterSec(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, (date - Date.now()) / 1000) : undefined;
}

/** The status decides the error; what the provider wrote in the body never reaches a user. */
function statusError(provider: TtsProviderId, response: Response): TtsError {
  const { status } = response;
  if (status === 401 || status === 403) return new TtsAuthError(provider, status);
  if (status === 429) return new TtsRateLimitError(provider, retryAfterSec(response));
  if (status >= 500) return new TtsServerError(provider, status);
  return new TtsRequestError(provider, 'check the voice, model and text', status);
}

async function attempt(provider: TtsProviderId, url: string, init: RequestInit, options: TtsHttpOptions): Promise<Response> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    return await (options.fetch ?? createPinnedFetch())(url, { ...init, signal });
  } catch (error) {
    if (options.signal?.aborted) throw new TtsCancelledError(provider);
    if (timeout.aborted) {
      throw new TtsError(`${provider} did not answer within ${options.timeoutMs} ms`, provider, 'timeout', undefined, { cause: error });
    }
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new TtsError(`${provider} could not be reached at ${new URL(url).origin}: ${reason}`, provider, 'network', undefined, {
      cause: error,
    });
  }
}

/**
 * One HTTP exchange with a voice provider: typed errors for 401/403, 429, other 4xx and 5xx,
 * bounded retries with back-off (honouring Retry-After) for the retryable ones.
 */
export async function ttsFetch(provider: TtsProviderId, url: string, init: RequestInit, options: TtsHttpOptions): Promise<Response> {
  for (let retry = 0; ; retry++) {
    let failure: TtsError;
    try {
      const response = await attempt(provider, url, init, options);
      if (response.ok) return response;
      await response.body?.cancel().catch(() => undefined);
      failure = statusError(provider, response);
    } catch (error) {
      if (!(error instanceof TtsError)) throw error;
      failure = error;
    }
    if (!failure.retryable || retry >= options.maxRetries) throw failure;
    const base = (options.retryDelayMs ?? 500) * 2 ** retry;
    const hinted = failure instanceof TtsRateLimitError && failure.retryAfterSec !== undefined ? failure.retryAfterSec * 1000 : base;
    try {
      await sleep(Math.min(MAX_RETRY_WAIT_MS, hinted), undefined, { signal: options.signal });
    } catch {
      throw new TtsCancelledError(provider);
    }
  }
}

/** Reads a response body as bytes, refusing anything that is not audio (e.g. a JSON error with 200). */
export async function audioBody(provider: TtsProviderId, response: Response): Promise<Buffer> {
  const type = response.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await response.arrayBuffer());
  if (type.includes('json') || type.startsWith('text/')) {
    throw new TtsError(`${provider} answered with ${type.split(';')[0]?.slice(0, 100)} instead of audio`, provider, 'bad-response');
  }
  if (bytes.length === 0) throw new TtsError(`${provider} returned empty audio`, provider, 'bad-response');
  return bytes;
}
