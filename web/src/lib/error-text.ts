import type { Translate, UiLanguage } from '../i18n/i18n.tsx';
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

interface Issue {
  path?: unknown;
  message?: unknown;
  code?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
}

const ORIGINS = ['string', 'number', 'array'] as const;
type Origin = (typeof ORIGINS)[number];
const originOf = (issue: Issue): Origin | null => (ORIGINS.includes(issue.origin as Origin) ? (issue.origin as Origin) : null);

/** The catalogue's words for a field problem, by the server's issue code; null when the code is not one the catalogue words. */
export function issueText(issue: Issue, t: Translate): string | null {
  const origin = originOf(issue);
  if (issue.code === 'too_small' && origin && typeof issue.minimum === 'number') {
    return origin === 'string' && issue.minimum <= 1 ? t('fieldError.required') : t(`fieldError.too_small.${origin}`, { min: issue.minimum });
  }
  if (issue.code === 'too_big' && origin && typeof issue.maximum === 'number') return t(`fieldError.too_big.${origin}`, { max: issue.maximum });
  if (issue.code === 'invalid_format') return t(issue.format === 'email' ? 'fieldError.format.email' : issue.format === 'url' ? 'fieldError.format.url' : 'fieldError.format.other');
  if (issue.code === 'invalid_type' && typeof issue.message === 'string' && /received undefined/.test(issue.message)) return t('fieldError.required');
  return null;
}

/**
 * Per-field messages from a 400 answer (details.issues[{path, message, code}]), keyed by the field
 * path, in the interface language: by the issue's code, else the server's English words on English
 * screens and a general sentence in other languages.
 */
export function fieldErrors(error: unknown, t: Translate, language: UiLanguage): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const issues = (error.details as { issues?: Issue[] } | undefined)?.issues ?? [];
  const result: Record<string, string> = {};
  for (const issue of issues) {
    if (typeof issue.path !== 'string' || typeof issue.message !== 'string') continue;
    result[issue.path] ??= issueText(issue, t) ?? (language === 'en' ? issue.message : t('fieldError.invalid'));
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
