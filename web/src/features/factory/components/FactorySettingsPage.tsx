import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { useFactorySettings } from '../hooks/useFactory.ts';
import { LearnedPanel } from './LearnedPanel.tsx';
import { ProfilePanel } from './ProfilePanel.tsx';
import { RulesForm } from './RulesForm.tsx';
import '../factory.css';

/** /factory/settings: the rules, what the factory learned from the author, and the writing profile. */
export function FactorySettingsPage() {
  const { t } = useI18n();
  const settings = useFactorySettings();
  return (
    <div className="stack-lg">
      <div className="page-head">
        <div className="stack">
          <h1>{t('factory.settingsTitle')}</h1>
          <p className="lead">{t('factory.settingsLead')}</p>
        </div>
        <Link className="btn btn--secondary" to={paths.factory}>
          {t('factory.toQueue')}
        </Link>
      </div>
      {settings.isPending && <Loading />}
      {settings.isError && <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <div className="factory-layout">
          <RulesForm settings={settings.data} />
          <div className="stack-lg">
            <LearnedPanel settings={settings.data} />
            <ProfilePanel profile={settings.data.profile} />
          </div>
        </div>
      )}
    </div>
  );
}
