import type { Article, ImportSourceBody } from '../../../contracts/sources.ts';
import type { SafeFetchOptions, SafeFetchResponse } from '../../adapters/http/safe-fetch.ts';
import { AppError } from '../../http/errors.ts';
import { SourceImportError } from './article.ts';
import { importFile, importSource } from './import-source.ts';

export interface SourcesDeps {
  /** Options for every fetch (allowPrivateHosts from FETCH_ALLOW_PRIVATE_HOSTS). */
  fetchOptions: SafeFetchOptions;
  fetch?: (url: string, options: SafeFetchOptions) => Promise<SafeFetchResponse>;
}

/** A failed import as an API error whose details.reason says why (SafeFetchError codes for fetches). */
export function importFailure(error: unknown): unknown {
  if (!(error instanceof SourceImportError)) return error;
  const reason = error.fetchCode ?? error.code;
  const message = error.code === 'FETCH_FAILED' ? `The page could not be fetched: ${error.message}` : capitalise(error.message);
  switch (error.code) {
    case 'UNSUPPORTED_FILE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', message, { reason });
    case 'FEED_URL':
      return new AppError('VALIDATION_FAILED', message, { reason, ...error.details, issues: [{ path: 'url', message: error.message }] });
    case 'EMPTY_INPUT':
      return new AppError('VALIDATION_FAILED', message, { reason, issues: [{ path: 'text', message: error.message }] });
    default:
      if (reason === 'BAD_URL') return new AppError('VALIDATION_FAILED', `url: ${error.message}`, { reason, issues: [{ path: 'url', message: error.message }] });
      return new AppError('FETCH_FAILED', message, { reason });
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Article import: a URL (fetched SSRF-safely), pasted HTML, text or Markdown, or an uploaded file. */
export class SourcesService {
  constructor(private readonly deps: SourcesDeps) {}

  async import(body: ImportSourceBody): Promise<Article> {
    const input =
      body.html !== undefined
        ? { html: body.html, url: body.url ?? null }
        : body.text !== undefined
          ? { text: body.text, title: body.title ?? null }
          : { url: body.url! };
    try {
      return await importSource(input, { fetch: this.deps.fetch, fetchOptions: this.deps.fetchOptions });
    } catch (error) {
      throw importFailure(error);
    }
  }

  importUpload(name: string, content: Buffer): Article {
    try {
      return importFile({ name, content });
    } catch (error) {
      throw importFailure(error);
    }
  }
}
