import type { Translate } from '../i18n/i18n.tsx';
import { ApiError } from './http.ts';

/**
 * What to tell the user about a failed request. The server's own message is shown where it
 * explains a rule (stage navigation, validation, conflicts); transport and server faults get
 * a translated sentence instead.
 */
export function errorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.generic');
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
