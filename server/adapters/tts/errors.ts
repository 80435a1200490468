import type { TtsProviderId } from '../../../contracts/voice.ts';

export type TtsErrorKind =
  | 'auth'
  | 'rate-limit'
  | 'server'
  | 'request'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'bad-response'
  | 'engine';

/** Every failure of a voice provider; `retryable` says whether trying again later may succeed. */
export class TtsError extends Error {
  readonly retryable: boolean;

  constructor(
    message: string,
    readonly provider: TtsProviderId,
    readonly kind: TtsErrorKind,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TtsError';
    this.retryable = kind === 'rate-limit' || kind === 'server' || kind === 'network' || kind === 'timeout';
  }
}

/** 401/403: the key is missing, wrong or lacks permission. */
export class TtsAuthError extends TtsError {
  constructor(provider: TtsProviderId, status: number) {
    super(`${provider} rejected the API key (HTTP ${status}): check the key in the provider settings`, provider, 'auth', status);
    this.name = 'TtsAuthError';
  }
}

/** 429: too many requests or quota exhausted. */
export class TtsRateLimitError extends TtsError {
  constructor(
    provider: TtsProviderId,
    readonly retryAfterSec?: number,
  ) {
    super(`${provider} is rate limiting requests (HTTP 429); try again later`, provider, 'rate-limit', 429);
    this.name = 'TtsRateLimitError';
  }
}

/** 5xx: the provider failed. */
export class TtsServerError extends TtsError {
  constructor(provider: TtsProviderId, status: number) {
    super(`${provider} failed (HTTP ${status}); try again later`, provider, 'server', status);
    this.name = 'TtsServerError';
  }
}

/** Other 4xx: the request was wrong (unknown voice, text too long, bad parameter). `detail` is ours, never the provider's body. */
export class TtsRequestError extends TtsError {
  constructor(provider: TtsProviderId, detail: string, status?: number) {
    super(`${provider} refused the request${status ? ` (HTTP ${status})` : ''}${detail ? `: ${detail}` : ''}`, provider, 'request', status);
    this.name = 'TtsRequestError';
  }
}

export class TtsCancelledError extends TtsError {
  constructor(provider: TtsProviderId) {
    super(`${provider} synthesis was cancelled`, provider, 'cancelled');
    this.name = 'TtsCancelledError';
  }
}
