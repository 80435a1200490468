import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldErrors } from '../../../lib/error-text.ts';
import { type Platform, PLATFORMS } from '../api/performance.ts';
import { useAddPublication } from '../hooks/usePerformance.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Where and when the video was published. */
export function AddPublicationForm({ projectId }: { projectId: string }) {
  const { t, language } = useI18n();
  const selectId = useId();
  const add = useAddPublication(projectId);
  const [platform, setPlatform] = useState<Platform>('instagram');
  const [url, setUrl] = useState('');
  const [publishedAt, setPublishedAt] = useState(today);
  const errors = fieldErrors(add.error, t, language);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ platform, url: url.trim(), publishedAt }, { onSuccess: () => setUrl('') });
  };

  return (
    <form className="panel stack" onSubmit={submit} aria-label={t('perf.publications.add')}>
      <h3 className="card__title">{t('perf.publications.add')}</h3>
      <div className="perf-form-grid">
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            {t('perf.publications.platform')}
          </label>
          <select id={selectId} className="input" value={platform} onChange={(e) => setPlatform(e.target.value as Platform)}>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {t(`perf.platform.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField label={t('perf.publications.url')} type="url" required value={url} error={errors.url} onChange={(e) => setUrl(e.target.value)} />
        <TextField label={t('perf.publications.date')} type="date" required value={publishedAt} error={errors.publishedAt} onChange={(e) => setPublishedAt(e.target.value)} />
      </div>
      {add.isError && !errors.url && !errors.publishedAt && <ErrorNotice error={add.error} />}
      <div>
        <Button type="submit" variant="primary" small busy={add.isPending} disabled={!url.trim()}>
          {t('perf.publications.add')}
        </Button>
      </div>
    </form>
  );
}
