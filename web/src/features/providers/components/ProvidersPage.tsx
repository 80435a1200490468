import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useActiveWriter, useProviders } from '../hooks/useProviders.ts';
import { ProviderForm } from './ProviderForm.tsx';
import '../providers.css';

const KINDS = ['writer', 'voice', 'stock', 'avatar', 'metrics', 'transcriber'] as const;

/** /settings/providers: the author's own keys for LLM writers, voices, stock and avatars. */
export function ProvidersPage() {
  const { t } = useI18n();
  const providers = useProviders();
  const writer = useActiveWriter();
  return (
    <div className="stack-lg providers-page">
      <div className="page-head">
        <div className="stack">
          <h1>{t('providers.title')}</h1>
          <p className="lead">{t('providers.lead')}</p>
        </div>
      </div>
      {writer.data && (
        <p className="notice notice--info" data-testid="active-writer">
          {t('providers.activeWriter', { writer: t(`writer.${writer.data.kind}`) })}
          {writer.data.model ? ` (${writer.data.model})` : ''} · {t(writer.data.source === 'user' ? 'providers.sourceUser' : 'providers.sourceServer')}
        </p>
      )}
      {providers.isPending && <Loading />}
      {providers.isError && <ErrorNotice error={providers.error} onRetry={() => void providers.refetch()} />}
      {KINDS.map((kind) => {
        const list = providers.data?.filter((p) => p.kind === kind) ?? [];
        if (list.length === 0) return null;
        return (
          <section key={kind} className="stack" aria-label={t(`providers.kind.${kind}`)}>
            <h2>{t(`providers.kind.${kind}`)}</h2>
            {list.map((status) => (
              <ProviderForm key={status.provider} status={status} />
            ))}
          </section>
        );
      })}
    </div>
  );
}
