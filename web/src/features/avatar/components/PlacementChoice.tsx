import { useI18n } from '../../../i18n/i18n.tsx';
import type { AvatarPlacement } from '../api/avatar.ts';

const PLACEMENTS: AvatarPlacement[] = ['corner', 'full'];

/** Where the clip goes: a small portrait over the scene visuals, or the whole picture. */
export function PlacementChoice({ value, onChange, disabled }: { value: AvatarPlacement; onChange: (placement: AvatarPlacement) => void; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <fieldset className="choice-group">
      <legend className="field__label">{t('avatar.placement.label')}</legend>
      <div className="placement-options">
        {PLACEMENTS.map((placement) => (
          <button key={placement} type="button" className="placement-option" aria-pressed={value === placement} onClick={() => onChange(placement)} disabled={disabled}>
            <span className={`placement-diagram placement-diagram--${placement}`} aria-hidden="true">
              <span />
            </span>
            <span>{t(placement === 'corner' ? 'avatar.placement.corner' : 'avatar.placement.full')}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
