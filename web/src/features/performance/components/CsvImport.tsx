import { useId, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { isApiError } from '../../../lib/http.ts';
import { useImportCsv } from '../hooks/usePerformance.ts';

/** Imports a CSV export; a bad file names its line and nothing is stored. */
export function CsvImport({ publicationId }: { publicationId: string }) {
  const { t } = useI18n();
  const id = useId();
  const importer = useImportCsv(publicationId);
  const [key, setKey] = useState(0);
  const badLine = isApiError(importer.error, 400) ? (importer.error.details as { line?: number } | undefined)?.line : undefined;

  const pick = async (file: File | undefined) => {
    if (!file) return;
    importer.mutate(await file.text(), { onSettled: () => setKey((k) => k + 1) });
  };

  return (
    <div className="stack">
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('perf.csv.file')}
        </label>
        <input key={key} id={id} type="file" accept=".csv,text/csv" onChange={(e) => void pick(e.target.files?.[0])} disabled={importer.isPending} />
        <p className="field__hint">{t('perf.csv.hint')}</p>
      </div>
      {importer.isSuccess && <Notice tone="success">{t('perf.csv.imported', { count: importer.data.imported })}</Notice>}
      {importer.isError && <ErrorNotice title={badLine ? t('perf.csv.badLine', { line: badLine }) : undefined} error={importer.error} />}
    </div>
  );
}
