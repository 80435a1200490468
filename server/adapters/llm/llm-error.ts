export const LLM_ERROR_CODES = ['AUTH', 'RATE_LIMITED', 'PROVIDER_UNAVAILABLE', 'BAD_REQUEST', 'TIMEOUT', 'NETWORK', 'INVALID_OUTPUT', 'REFUSED', 'CONFIG'] as const;
export type LlmErrorCode = (typeof LLM_ERROR_CODES)[number];

/** A failed LLM call, with a message that tells the operator or author what to do about it. */
export class LlmError extends Error {
  constructor(
    readonly code: LlmErrorCode,
    message: string,
    readonly details: { provider?: string; status?: number; retryAfterSec?: number; issues?: string } = {},
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

/** Maps an HTTP status from a provider to an error code. */
export function codeForStatus(status: number): LlmErrorCode {
  if (status === 401 || status === 403) return 'AUTH';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'PROVIDER_UNAVAILABLE';
  return 'BAD_REQUEST';
}

export function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

const HINTS: Partial<Record<LlmErrorCode, string>> = {
  AUTH: 'check the API key',
  RATE_LIMITED: 'wait and try again, or raise the provider limit',
  PROVIDER_UNAVAILABLE: 'the provider is down or overloaded; try again later',
  BAD_REQUEST: 'check the model name and base URL',
};

/** The provider and the status only: what the provider wrote in the body never reaches a user. */
export function httpError(provider: string, status: number, retryAfter: string | null): LlmError {
  const code = codeForStatus(status);
  const hint = HINTS[code] ? ` (${HINTS[code]})` : '';
  return new LlmError(code, `${provider} answered HTTP ${status}${hint}`, {
    provider,
    status,
    retryAfterSec: retryAfterSeconds(retryAfter),
  });
}
