import type { Translate } from '../i18n/i18n.tsx';
import { ApiError } from './http.ts';

/**
 * What to tell the user about a failed request. The server's own message is shown where it
 * explains a rule (stage navigation, validation, conflicts); transport and server faults get
 * a translated sentence instead.
 */
export function errorText(error: unknown, t: Translate, formatNumber: (n: number) => string = String): string {
  if (!(error instanceof ApiError)) return t('error.generic');
  const reasonText = textForReason(error.details, t, formatNumber);
  if (reasonText) return reasonText;
  switch (error.code) {
    case 'NETWORK':
      return t('error.network');
    case 'INTERNAL':
    case 'UNAVAILABLE':
      return t('error.internal');
    default:
      return error.message;
  }
}

/** Per-field messages from a 400 answer (details.issues[{path, message}]), keyed by the field path. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const issues = (error.details as { issues?: { path?: unknown; message?: unknown }[] } | undefined)?.issues ?? [];
  const result: Record<string, string> = {};
  for (const issue of issues) {
    if (typeof issue.path === 'string' && typeof issue.message === 'string') result[issue.path] ??= issue.message;
  }
  return result;
}

/** The catalogue's words for the failures a screen explains itself (imports), by details.reason. */
function textForReason(details: unknown, t: Translate, formatNumber: (n: number) => string): string | null {
  const d = (details ?? {}) as { reason?: unknown; feedTitle?: unknown; limit?: { characters?: unknown; words?: unknown } };
  switch (d.reason) {
    case 'FEED_URL':
      return typeof d.feedTitle === 'string' && d.feedTitle ? t('importError.feedUrlNamed', { title: d.feedTitle }) : t('importError.feedUrl');
    case 'NO_ARTICLE':
      return t('importError.noArticle');
    case 'EMPTY_INPUT':
      return t('importError.empty');
    case 'TOO_LONG': {
      const { characters, words } = d.limit ?? {};
      if (typeof characters !== 'number' || typeof words !== 'number') return null;
      return t('importError.tooLong', { characters: formatNumber(characters), words });
    }
    default:
      return null;
  }
}
