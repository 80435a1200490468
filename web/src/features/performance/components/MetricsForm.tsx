import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldErrors } from '../../../lib/error-text.ts';
import type { AddReadingBody } from '../api/performance.ts';
import { useAddReading } from '../hooks/usePerformance.ts';

const FIELDS = ['views', 'reach', 'likes', 'comments', 'shares', 'saves', 'followersGained', 'avgWatchSec', 'watchRatio'] as const;
type Field = (typeof FIELDS)[number];
const DECIMAL: ReadonlySet<Field> = new Set(['avgWatchSec', 'watchRatio']);

/** The entered text as a reading, or the first problem ('empty' / 'invalid'). The percent is stored as a ratio. */
export function readingFrom(values: Partial<Record<Field, string>>): AddReadingBody | 'empty' | 'invalid' {
  const body: Record<string, number> = {};
  for (const field of FIELDS) {
    const raw = (values[field] ?? '').trim().replace(',', '.');
    if (raw === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || (!DECIMAL.has(field) && !Number.isInteger(n))) return 'invalid';
    body[field] = field === 'watchRatio' ? Math.round(n * 10) / 1000 : n;
  }
  return Object.keys(body).length ? (body as AddReadingBody) : 'empty';
}

/** A small form for one reading of a publication's numbers, checked here and again by the server. */
export function MetricsForm({ publicationId }: { publicationId: string }) {
  const { t, language } = useI18n();
  const add = useAddReading(publicationId);
  const [values, setValues] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<'empty' | 'invalid' | null>(null);
  const serverErrors = fieldErrors(add.error, t, language);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = readingFrom(values);
    if (typeof body === 'string') return setProblem(body);
    setProblem(null);
    add.mutate(body, { onSuccess: () => setValues({}) });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t('perf.form.title')}>
      <div className="perf-form-grid">
        {FIELDS.map((field) => (
          <TextField
            key={field}
            label={t(`perf.metric.${field}`)}
            inputMode={DECIMAL.has(field) ? 'decimal' : 'numeric'}
            value={values[field] ?? ''}
            error={serverErrors[field]}
            onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          />
        ))}
      </div>
      {problem && <p className="field__error">{t(problem === 'empty' ? 'perf.form.empty' : 'perf.form.invalid')}</p>}
      {add.isError && !Object.keys(serverErrors).length && <ErrorNotice error={add.error} />}
      <div>
        <Button type="submit" variant="primary" small busy={add.isPending}>
          {t('perf.form.save')}
        </Button>
      </div>
    </form>
  );
}
