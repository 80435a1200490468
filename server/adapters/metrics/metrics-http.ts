export type MetricsFailure = 'AUTH' | 'RATE_LIMITED' | 'NOT_FOUND' | 'FAILED';

/** A metrics provider's refusal, in our words: no upstream body is carried to a user. */
export class MetricsProviderError extends Error {
  constructor(
    readonly code: MetricsFailure,
    message: string,
    /** For RATE_LIMITED: how long the provider asked us to wait, when it said. */
    readonly retryAfterSec?: number,
  ) {
    super(message);
    this.name = 'MetricsProviderError';
  }
}

export interface MetricsHttpOptions {
  fetch: typeof fetch;
  /** Waits between attempts after a rate limit; tests pass one that records instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per request when rate limited (first try included). */
  maxAttempts?: number;
  timeoutMs?: number;
}

/** Classifies a failed answer: the provider's error body decides AUTH / RATE_LIMITED / NOT_FOUND. */
export type Classify = (status: number, body: unknown) => MetricsProviderError;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Longer waits are left to the scheduled refresh (it backs off per publication) instead of holding a worker. */
const MAX_WAIT_MS = 60_000;
const BASE_WAIT_MS = 1_000;

function retryAfterSec(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/**
 * GETs JSON through the provider's pinned fetch. A rate limit is retried with exponential backoff
 * (or the provider's Retry-After) up to maxAttempts; every other failure is classified at once.
 */
export async function getJson(url: URL, headers: Record<string, string>, options: MetricsHttpOptions, classify: Classify): Promise<unknown> {
  const sleep = options.sleep ?? realSleep;
  const maxAttempts = options.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await options.fetch(url, { headers: { accept: 'application/json', ...headers }, signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
    } catch {
      throw new MetricsProviderError('FAILED', `${url.host} could not be reached`);
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      if (body === null) throw new MetricsProviderError('FAILED', `${url.host} answered with something that is not JSON`);
      return body;
    }
    const error = classify(response.status, body);
    if (error.code !== 'RATE_LIMITED') throw error;
    const askedSec = retryAfterSec(response);
    const waitMs = askedSec !== undefined ? askedSec * 1000 : BASE_WAIT_MS * 2 ** (attempt - 1);
    if (attempt >= maxAttempts || waitMs > MAX_WAIT_MS) throw new MetricsProviderError('RATE_LIMITED', error.message, askedSec ?? waitMs / 1000);
    await sleep(waitMs);
  }
}

/** A whole, non-negative count from a number or a numeric string (YouTube sends counts as strings). */
export function countOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}
