import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import { JobFailureMessage } from '../../../components/ui/JobFailureMessage.tsx';
import type { FactoryRun } from '../api/factory.ts';

type LogEntry = FactoryRun['items'][number]['log'][number];

/** One log line in the author's language: "scored 81", "check failed: too long, retried". */
export function useLogLine() {
  const { t } = useI18n();
  return (entry: LogEntry) => t(`factory.step.${entry.step}` as MessageKey, entry.vars ?? {});
}

/** The recent runs, each story they took up with its step log; failures and skips say why. */
export function RunLog({ runs, running }: { runs: FactoryRun[]; running: boolean }) {
  const { t, formatDate } = useI18n();
  const line = useLogLine();
  return (
    <section className="panel stack factory-runs" aria-label={t('factory.runs')} data-testid="factory-runs">
      <h2 className="panel__title">{t('factory.runs')}</h2>
      {running && <p className="muted small">{t('factory.running')}</p>}
      {runs.length === 0 && <p className="empty">{t('factory.noRuns')}</p>}
      {runs.map((run) => (
        <article key={run.id} className="stack factory-run" data-testid="factory-run">
          <p className="small">
            <strong>{formatDate(run.startedAt, true)}</strong> · {t(`factory.trigger.${run.trigger}` as MessageKey)} · {t(`factory.runStatus.${run.status}` as MessageKey)}
          </p>
          <p className="muted small">
            {t('factory.runSummary', { filed: run.summary.filed ?? 0, skipped: run.summary.skipped ?? 0, failed: run.summary.failed ?? 0 })}
            {run.summary.stoppedBy ? ` · ${t(`factory.stoppedBy.${run.summary.stoppedBy}` as MessageKey)}` : ''}
          </p>
          {run.error && <p className="field__error"><JobFailureMessage failure={{ error: run.error }} /></p>}
          {run.items.length === 0 && run.status === 'done' && <p className="muted small">{t('factory.nothingNew')}</p>}
          <ul className="factory-items">
            {run.items.map((item) => (
              <li key={item.id} data-status={item.status} data-testid="factory-item">
                <p className="small">
                  <strong>{item.title}</strong>
                </p>
                <ol className="factory-log small">
                  {item.log.map((entry, index) => (
                    <li key={index} data-step={entry.step}>
                      {line(entry)}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
