import type { ErrorCode } from '../../../contracts/errors.ts';

/** An error answered by the API ({error:{code,message,details}}), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  contentType?: string;
  signal?: AbortSignal;
}

/** The interface language (set on <html lang> by the i18n provider): the server answers errors in it. */
const uiLanguage = () => (typeof document !== 'undefined' && document.documentElement.lang) || 'en';

function errorFrom(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: ErrorCode; message?: string; details?: unknown } } | null)?.error;
  if (error?.code) return new ApiError(status, error.code, error.message ?? error.code, error.details);
  return new ApiError(status, status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED', `HTTP ${status}`);
}

/**
 * A request whose body or answer is not JSON (uploads as FormData, audio or image answers): the
 * response when it is a success, else the API's error as an ApiError. Session cookie included.
 */
export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init, headers: { 'accept-language': uiLanguage(), ...(init.headers as Record<string, string> | undefined) } });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'network error');
  }
  if (!response.ok) throw errorFrom(response.status, safeJson(await response.text()));
  return response;
}

/** The one way the web app talks to the API: JSON in, JSON out, session cookie included. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': uiLanguage(), ...options.headers };
  if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'network error');
  }
  const text = await response.text();
  const payload: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) throw errorFrom(response.status, payload);
  return payload as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const http = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, { signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, { body, headers }),
  patch: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
