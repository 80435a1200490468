import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import type { FactorySettings } from '../api/factory.ts';
import { usePatchLearned } from '../hooks/useFactory.ts';

/** Everything the factory learned from approvals and rejections, each part editable or reset. */
export function LearnedPanel({ settings }: { settings: FactorySettings }) {
  const { t, formatDate } = useI18n();
  const patch = usePatchLearned();
  const { learned, rules, effective } = settings;
  const votes = Object.entries(learned.formatVotes).filter(([, v]) => v !== 0);
  return (
    <section className="panel stack" data-testid="factory-learned" aria-label={t('factory.learned')}>
      <h2 className="panel__title">{t('factory.learned')}</h2>
      <p className="muted small">{t('factory.learnedLead')}</p>
      <div className="row" data-testid="learned-min-score">
        <span className="grow">{t('factory.learned.minScore', { base: rules.minScore, delta: learned.minScoreDelta >= 0 ? `+${learned.minScoreDelta}` : learned.minScoreDelta, effective: effective.minScore })}</span>
        <Button small variant="ghost" disabled={learned.minScoreDelta === 0} onClick={() => patch.mutate({ minScoreDelta: 0 })}>
          {t('factory.learned.reset')}
        </Button>
      </div>
      <div className="stack-sm" data-testid="learned-topics">
        <span>{t('factory.learned.topics')}</span>
        {learned.avoidedTopics.length === 0 && <span className="muted small">{t('factory.learned.none')}</span>}
        <ul className="row plain-list">
          {learned.avoidedTopics.map((topic) => (
            <li key={topic} className="chip">
              {topic}{' '}
              <Button small variant="ghost" aria-label={t('factory.learned.removeTopic', { topic })} onClick={() => patch.mutate({ avoidedTopics: learned.avoidedTopics.filter((x) => x !== topic) })}>
                ✕
              </Button>
            </li>
          ))}
        </ul>
      </div>
      <div className="row" data-testid="learned-formats">
        <span className="grow">
          {t('factory.learned.formats')} {votes.length === 0 ? t('factory.learned.none') : votes.map(([format, v]) => `${t(`format.${format}` as MessageKey)} (${v > 0 ? '+' : ''}${v})`).join(', ')}
        </span>
        <Button small variant="ghost" disabled={votes.length === 0} onClick={() => patch.mutate({ formatVotes: {} })}>
          {t('factory.learned.reset')}
        </Button>
      </div>
      <div className="row">
        <span className="grow">{t('factory.learned.length', { percent: Math.round(learned.lengthFactor * 100) })}</span>
        <Button small variant="ghost" disabled={learned.lengthFactor === 1} onClick={() => patch.mutate({ lengthFactor: 1 })}>
          {t('factory.learned.reset')}
        </Button>
      </div>
      {patch.isError && <ErrorNotice error={patch.error} />}
      {learned.history.length > 0 && (
        <details>
          <summary>{t('factory.learned.history')}</summary>
          <ul className="small stack-sm plain-list">
            {learned.history.map((event, i) => (
              <li key={i}>
                {formatDate(event.at, true)}: {t(`factory.event.${event.change}` as MessageKey, { ...event.vars, category: event.vars.category ? t(`factory.reject.${event.vars.category}` as MessageKey) : '' })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
