import { useI18n } from '../../i18n/i18n.tsx';
import { jobFailureText, type JobFailure } from '../../lib/job-failure.ts';

/** Why a job failed, in the interface language; the server's own words only folded away when they are not. */
export function JobFailureMessage({ failure }: { failure: JobFailure }) {
  const { t, language } = useI18n();
  const { text, untranslated } = jobFailureText(failure, t, language);
  return (
    <span data-testid="job-failure">
      {text}
      {untranslated && (
        <details className="small">
          <summary>{t('jobError.details')}</summary>
          <span lang="en">{untranslated}</span>
        </details>
      )}
    </span>
  );
}
