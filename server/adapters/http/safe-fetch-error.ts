import { FETCH_FAILURE_CODES } from '../../../contracts/sources.ts';

export const SAFE_FETCH_ERROR_CODES = FETCH_FAILURE_CODES;

export type SafeFetchErrorCode = (typeof SAFE_FETCH_ERROR_CODES)[number];

/** A refused or failed fetch of a user-supplied URL; `message` says why in words a user can act on. */
export class SafeFetchError extends Error {
  constructor(
    readonly code: SafeFetchErrorCode,
    message: string,
    readonly url: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SafeFetchError';
  }
}
