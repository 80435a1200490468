import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../lib/paths.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <h1>{t('notFound.title')}</h1>
      <Link to={paths.home}>{t('notFound.back')}</Link>
    </div>
  );
}
