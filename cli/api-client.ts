import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CliError, EXIT, usageError } from './cli-error.ts';

/** The server refused a request: its error body's code and message, as the API words them. */
export class ApiError extends CliError {
  constructor(
    message: string,
    readonly code: string,
    readonly apiMessage: string,
    details?: unknown,
  ) {
    super(message, EXIT.failed, details);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  server: string;
  token: string;
  fetch?: typeof fetch;
}

/** A running ReelForge server's API, authenticated with an API token (Authorization: Bearer). */
export class ApiClient {
  readonly base: URL;
  private readonly fetcher: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    try {
      this.base = new URL(options.server);
    } catch {
      throw usageError(`--server must be a URL like http://localhost:5000, not "${options.server}"`);
    }
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') throw usageError(`--server must be an http(s) URL, not ${this.base.protocol}`);
    if (!options.token.trim()) throw usageError('--token is empty: create one in the web app (or POST /api/auth/tokens) and pass it with --token');
    this.fetcher = options.fetch ?? fetch;
  }

  private url(path: string): string {
    return new URL(path, this.base).toString();
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetcher(this.url(path), {
        method,
        // A FormData body sets its own multipart content type.
        headers: { authorization: `Bearer ${this.options.token}`, accept: 'application/json', ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`cannot reach the server at ${this.base.origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`, EXIT.unreachable);
    }
    if (response.status === 401) throw new CliError(`the server at ${this.base.origin} refused the token (401): check --token`, EXIT.unauthorized);
    if (!response.ok) {
      const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
      const message = payload?.error?.message ?? `HTTP ${response.status}`;
      throw new ApiError(`${method} ${path}: ${message}`, payload?.error?.code ?? 'INTERNAL', message, payload?.error?.details);
    }
    return response;
  }

  async json<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Sends a local file as multipart/form-data (field "file") and returns the JSON answer. */
  async upload<T>(path: string, file: string): Promise<T> {
    const form = new FormData();
    form.append('file', new Blob([await readFile(file)]), basename(file));
    const response = await this.send('POST', path, form);
    return (await response.json()) as T;
  }

  /** Streams a file from the API to `file`. */
  async download(path: string, file: string): Promise<void> {
    const response = await this.send('GET', path);
    if (!response.body) throw new CliError(`GET ${path}: empty response`);
    await pipeline(Readable.fromWeb(response.body as WebReadableStream), createWriteStream(file));
  }
}
