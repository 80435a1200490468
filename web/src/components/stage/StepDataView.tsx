import { useI18n } from '../../i18n/i18n.tsx';

const LONG_TEXT = 160;

function DataValue({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">[ ]</span>;
    return (
      <ol className="data-list">
        {value.map((item, index) => (
          <li key={index}>
            <DataValue value={item} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return <span className="muted">{'{ }'}</span>;
    return (
      <dl className="data-fields">
        {entries.map(([key, item]) => (
          <div className="data-fields__row" key={key}>
            <dt>{key}</dt>
            <dd>
              <DataValue value={item} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  const text = String(value);
  return text.length > LONG_TEXT ? <p className="data-text">{text}</p> : <span>{text}</span>;
}

/** A step's data laid out for reading: fields as labelled rows, lists numbered, long text wrapped. */
export function StepDataView({ data }: { data: Record<string, unknown> | undefined }) {
  const { t } = useI18n();
  if (!data || Object.keys(data).length === 0) return <p className="empty">{t('stage.noData')}</p>;
  return (
    <div className="data-view" data-testid="step-data-view">
      <DataValue value={data} />
    </div>
  );
}
