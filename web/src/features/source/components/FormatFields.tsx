import { useId } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { FORMAT_IDS, FORMATS, type FormatId, type Language, LANGUAGES, MAX_TARGET_SEC, MIN_TARGET_SEC } from '../../../lib/formats.ts';
import type { SourceDraft } from '../source-draft.ts';

interface FormatFieldsProps {
  draft: SourceDraft;
  update: (change: Partial<SourceDraft>) => void;
  proposedLanguage: Language | null;
}

/** Format (with its usual length), the target length the author may change, and the language. */
export function FormatFields({ draft, update, proposedLanguage }: FormatFieldsProps) {
  const { t } = useI18n();
  const id = useId();
  const range = FORMATS[draft.format];
  const language = draft.language ?? proposedLanguage;
  return (
    <div className="source-stage__format">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-format`}>
          {t('source.format')}
        </label>
        <select
          id={`${id}-format`}
          className="input"
          value={draft.format}
          onChange={(e) => {
            const format = e.target.value as FormatId;
            update({ format, targetDurationSec: FORMATS[format].defaultSec });
          }}
        >
          {FORMAT_IDS.map((format) => (
            <option key={format} value={format}>
              {t(`format.${format}`)} ({FORMATS[format].minSec}–{FORMATS[format].maxSec} {t('unit.s')})
            </option>
          ))}
        </select>
        <p className="field__hint">{t(`format.${draft.format}.about`)}</p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-length`}>
          {t('source.length')}
        </label>
        <input
          id={`${id}-length`}
          className="input"
          type="number"
          min={MIN_TARGET_SEC}
          max={MAX_TARGET_SEC}
          value={draft.targetDurationSec}
          onChange={(e) => update({ targetDurationSec: Math.max(MIN_TARGET_SEC, Math.min(MAX_TARGET_SEC, Math.round(Number(e.target.value) || MIN_TARGET_SEC))) })}
        />
        <p className="field__hint">{t('source.lengthHint', { min: range.minSec, max: range.maxSec, default: range.defaultSec })}</p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-language`}>
          {t('source.language')}
        </label>
        <select id={`${id}-language`} className="input" value={language ?? ''} onChange={(e) => update({ language: (e.target.value || null) as Language | null })}>
          {!language && <option value="">{t('source.languageAuto')}</option>}
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
        <p className="field__hint" data-testid="language-hint">
          {draft.language
            ? draft.language !== proposedLanguage && proposedLanguage
              ? t('source.languageDiffers', { proposed: t(`language.${proposedLanguage}`) })
              : t('source.languageChosen')
            : proposedLanguage
              ? t('source.languageProposed')
              : t('source.languageWaiting')}
        </p>
      </div>
    </div>
  );
}
