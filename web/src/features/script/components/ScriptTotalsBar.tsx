import { Badge } from '../../../components/ui/Badge.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { GeneratedScript, ScriptTotals } from '../script-state.ts';

/** Live totals of the chosen texts against the target length. */
export function ScriptTotalsBar({ script, totals, saving }: { script: GeneratedScript; totals: ScriptTotals; saving: boolean }) {
  const { t, formatNumber } = useI18n();
  return (
    <div className="panel script-totals" data-testid="script-totals">
      <div className="script-totals__numbers">
        <span data-testid="total-words">
          <strong>{totals.words}</strong> {t('script.words')}
        </span>
        <span data-testid="total-seconds">
          <strong>{formatNumber(totals.seconds)}</strong> {t('unit.s')} / {script.targetSec} {t('unit.s')}
        </span>
        <span className="muted">{t('script.chosenOf', { chosen: totals.chosen, total: totals.scenes })}</span>
      </div>
      <div className="row">
        {totals.complete && <Badge tone={totals.onTarget ? 'success' : 'warning'}>{totals.onTarget ? t('script.onTarget') : t('script.offTarget')}</Badge>}
        <Badge tone="muted">{t(`format.${script.format}`)}</Badge>
        <Badge tone="muted">{t('script.writtenBy', { writer: t(`writer.${script.writer}`) })}</Badge>
        <span className="muted small" aria-live="polite">
          {saving ? t('script.saving') : t('script.saved')}
        </span>
      </div>
    </div>
  );
}
