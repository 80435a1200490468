import { JOB_FAILURE_CODES, type JobFailureCode, type JobFailureParams } from '../../../contracts/job-failures.ts';
import type { MessageKey, Translate, UiLanguage } from '../i18n/i18n.tsx';

export interface JobFailure {
  error?: string | null;
  errorCode?: JobFailureCode | string | null;
  errorParams?: JobFailureParams | null;
}

const isKnownCode = (code: unknown): code is JobFailureCode => JOB_FAILURE_CODES.includes(code as JobFailureCode);

export const jobFailureKey = (code: JobFailureCode): MessageKey => `jobError.${code}`;

/**
 * A failed job's reason in the interface language: by its code when it has one; otherwise the
 * server's English sentence on English screens, and a general sentence in other languages
 * (`untranslated` then holds the server's words, for a details section).
 */
export function jobFailureText(failure: JobFailure, t: Translate, language: UiLanguage): { text: string; untranslated: string | null } {
  if (isKnownCode(failure.errorCode)) return { text: t(jobFailureKey(failure.errorCode), failure.errorParams ?? {}), untranslated: null };
  if (language === 'en' && failure.error) return { text: failure.error, untranslated: null };
  return { text: t('jobError.generic'), untranslated: failure.error || null };
}
