import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/http.ts';
import { paths } from '../../lib/paths.ts';

export function ProjectMissing({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  // An invalid id is a 400 and someone else's project a 404: to the user both are "no such project".
  const missing = isApiError(error, 404) || isApiError(error, 400);
  return (
    <div className="stack">
      {missing ? <Notice tone="warning">{t('project.notFound')}</Notice> : <ErrorNotice error={error} onRetry={onRetry} />}
      <Link to={paths.home}>← {t('project.back')}</Link>
    </div>
  );
}
