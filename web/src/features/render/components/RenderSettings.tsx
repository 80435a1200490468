import { useI18n } from '../../../i18n/i18n.tsx';
import type { Aspect, Quality } from '../api/render.ts';

const ASPECTS: Aspect[] = ['9:16', '1:1', '16:9'];
const QUALITIES: Quality[] = ['draft', 'standard', 'high'];

interface RenderSettingsProps {
  aspect: Aspect;
  quality: Quality;
  disabled: boolean;
  onChange: (settings: { aspect: Aspect; quality: Quality }) => void;
}

/** The shape and quality of the next render, as two groups of choices. */
export function RenderSettings({ aspect, quality, disabled, onChange }: RenderSettingsProps) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <fieldset className="choice-group" disabled={disabled}>
        <legend className="field__label">{t('render.settings.aspect')}</legend>
        <div className="render-choices__list">
          {ASPECTS.map((value) => (
            <label key={value} className="render-choice" data-checked={value === aspect || undefined}>
              <input type="radio" name="aspect" value={value} checked={value === aspect} onChange={() => onChange({ aspect: value, quality })} />
              <span className="render-shape-box" aria-hidden="true">
                <span className={`render-shape render-shape--${value.replace(':', 'x')}`} />
              </span>
              <span className="render-choice__text">
                <span className="render-choice__name">{t(`render.aspect.${value}`)}</span>
                <span className="muted small">{t(`render.aspect.${value}.hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="choice-group" disabled={disabled}>
        <legend className="field__label">{t('render.settings.quality')}</legend>
        <div className="segmented" role="radiogroup" aria-label={t('render.settings.quality')}>
          {QUALITIES.map((value) => (
            <button
              key={value}
              type="button"
              role="radio"
              className="segmented__item"
              aria-checked={value === quality}
              aria-pressed={value === quality}
              onClick={() => onChange({ aspect, quality: value })}
            >
              {t(`render.quality.${value}`)}
            </button>
          ))}
        </div>
        <p className="muted small">{t(`render.quality.${quality}.hint`)}</p>
      </fieldset>
    </div>
  );
}
