import { useId, useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { providerLabel } from '../../../i18n/names.ts';
import { fieldErrors } from '../../../lib/error-text.ts';
import type { ProviderStatus } from '../api/providers.ts';
import { useRemoveProvider, useSaveProvider } from '../hooks/useProviders.ts';

/** Settings that apply to each provider (besides the key). */
const FIELDS: Record<ProviderStatus['provider'], { baseUrl?: string; model?: string; enable: boolean }> = {
  openai: { baseUrl: 'http://localhost:11434/v1', model: 'gpt-4o-mini', enable: true },
  anthropic: { baseUrl: 'https://api.anthropic.com', model: 'claude-sonnet-4-5', enable: true },
  elevenlabs: { model: 'eleven_multilingual_v2', enable: false },
  'openai-tts': { baseUrl: 'http://localhost:8880/v1', model: 'tts-1', enable: false },
  pexels: { enable: false },
  heygen: { enable: false },
  youtube: { enable: false },
  instagram: { enable: false },
  'openai-stt': { baseUrl: 'http://localhost:8000/v1', model: 'whisper-1', enable: false },
};

/** One provider: the key (write-only: never shown again), its settings, and for writers "use it". */
export function ProviderForm({ status }: { status: ProviderStatus }) {
  const { t, language } = useI18n();
  const id = useId();
  const save = useSaveProvider();
  const remove = useRemoveProvider();
  const fields = FIELDS[status.provider];
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState(status.settings.baseUrl ?? '');
  const [model, setModel] = useState(status.settings.model ?? '');
  const [enabled, setEnabled] = useState(Boolean(status.settings.enabled));
  const [saved, setSaved] = useState(false);
  const errors = fieldErrors(save.error, t, language);

  const submit = () => {
    setSaved(false);
    const settings = {
      ...(fields.baseUrl && baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
      ...(fields.model && model.trim() ? { model: model.trim() } : {}),
      ...(fields.enable ? { enabled } : {}),
      ...(status.settings.voices ? { voices: status.settings.voices } : {}),
    };
    save.mutate({ provider: status.provider, settings, ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}) }, {
      onSuccess: () => {
        setApiKey('');
        setSaved(true);
      },
    });
  };

  return (
    <form
      className="panel stack provider"
      data-testid={`provider-${status.provider}`}
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="panel__head">
        <h3 id={`${id}-title`}>{providerLabel(t, status)}</h3>
        <div className="row">
          {status.hasKey && <Badge tone="success">{t('providers.keyStored')}</Badge>}
          {status.serverConfigured && <Badge tone="muted">{t('providers.serverConfigured')}</Badge>}
          {status.settings.enabled && <Badge tone="accent">{t('providers.inUse')}</Badge>}
        </div>
      </div>
      <div className="provider__fields">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-key`}>
            {t('providers.apiKey')}
          </label>
          <input
            id={`${id}-key`}
            className="input"
            type="password"
            autoComplete="off"
            value={apiKey}
            placeholder={status.hasKey ? t('providers.keyPlaceholderStored') : t('providers.keyPlaceholder')}
            onChange={(e) => setApiKey(e.target.value)}
          />
          <p className="field__hint">{t('providers.keyHint')}</p>
        </div>
        {fields.baseUrl && (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-base`}>
              {t('providers.baseUrl')}
            </label>
            <input id={`${id}-base`} className="input" type="url" value={baseUrl} placeholder={fields.baseUrl} onChange={(e) => setBaseUrl(e.target.value)} aria-invalid={errors['settings.baseUrl'] ? true : undefined} />
            {errors['settings.baseUrl'] && <p className="field__error">{errors['settings.baseUrl']}</p>}
          </div>
        )}
        {fields.model && (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-model`}>
              {t('providers.model')}
            </label>
            <input id={`${id}-model`} className="input" value={model} placeholder={fields.model} onChange={(e) => setModel(e.target.value)} />
          </div>
        )}
      </div>
      {fields.enable && (
        <label className="checkbox">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          {t('providers.useForWriting')}
        </label>
      )}
      {save.isError && Object.keys(errors).length === 0 && <ErrorNotice error={save.error} />}
      {saved && <Notice tone="success">{t('providers.saved')}</Notice>}
      <div className="row">
        <Button type="submit" variant="primary" busy={save.isPending}>
          {t('providers.save')}
        </Button>
        {status.hasKey && (
          <Button variant="ghost" busy={save.isPending} onClick={() => save.mutate({ provider: status.provider, apiKey: null })}>
            {t('providers.removeKey')}
          </Button>
        )}
        {(status.hasKey || Object.keys(status.settings).length > 0) && (
          <Button variant="ghost" busy={remove.isPending} onClick={() => remove.mutate(status.provider, { onSuccess: () => { setBaseUrl(''); setModel(''); setEnabled(false); setSaved(false); } })}>
            {t('providers.forget')}
          </Button>
        )}
      </div>
      {remove.isError && <ErrorNotice error={remove.error} />}
    </form>
  );
}
