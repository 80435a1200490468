import { useEffect, useRef, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import type { CaptionStyle } from '../api/storyboard.ts';
import { useSettingsUpdate } from '../hooks/useStoryboard.ts';
import { StoryboardConflictDialog } from './StoryboardConflictDialog.tsx';

const POSITIONS = ['top', 'middle', 'bottom'] as const;
const LOOKS = ['outline', 'box'] as const;
const COLOURS = [
  ['colour', 'storyboard.captions.colour'],
  ['highlightColour', 'storyboard.captions.highlight'],
  ['outlineColour', 'storyboard.captions.outlineColour'],
] as const;
const SAVE_AFTER_MS = 400;

interface CaptionStylePanelProps {
  projectId: string;
  style: CaptionStyle;
  fonts: string[];
}

/** Caption font, size, colours, spoken-word highlight, position, look (outline or box) and words per line; saved as the author changes them. */
export function CaptionStylePanel({ projectId, style, fonts }: CaptionStylePanelProps) {
  const { t } = useI18n();
  const save = useSettingsUpdate(projectId);
  const [draft, setDraft] = useState<CaptionStyle>(style);
  const pending = useRef<Partial<CaptionStyle>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = () => {
    const changes = pending.current;
    pending.current = {};
    if (Object.keys(changes).length > 0) save.mutate({ captionStyle: changes });
  };
  const change = <K extends keyof CaptionStyle>(key: K, value: CaptionStyle[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    pending.current = { ...pending.current, [key]: value };
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_AFTER_MS);
  };
  // Changes still waiting when the panel goes away are saved, not lost.
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
    flush();
  }, []);

  return (
    <section className="panel stack" aria-labelledby="captions-title" data-testid="caption-style">
      <h2 id="captions-title" className="panel__title">
        {t('storyboard.captions.title')}
      </h2>
      <div className="style-grid">
        <label className="field">
          <span className="field__label">{t('storyboard.captions.font')}</span>
          <select className="input" value={draft.font} onChange={(e) => change('font', e.target.value as CaptionStyle['font'])}>
            {fonts.map((font) => (
              <option key={font} value={font}>
                {font}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('storyboard.captions.size', { px: draft.sizePx })}</span>
          <input type="range" min={60} max={220} step={2} value={draft.sizePx} onChange={(e) => change('sizePx', Number(e.target.value))} />
        </label>
        <label className="field">
          <span className="field__label">{t('storyboard.captions.outline', { px: draft.outline })}</span>
          <input type="range" min={0} max={12} step={1} value={draft.outline} onChange={(e) => change('outline', Number(e.target.value))} />
        </label>
        <label className="field">
          <span className="field__label">{t('storyboard.captions.wordsPerLine', { n: draft.wordsPerLine })}</span>
          <input type="range" min={1} max={6} step={1} value={draft.wordsPerLine} onChange={(e) => change('wordsPerLine', Number(e.target.value))} />
        </label>
      </div>
      <div className="colour-row">
        {COLOURS.map(([key, label]) => (
          <label key={key} className="colour-field">
            <span className="field__label">{t(label)}</span>
            <span className="colour-field__value">
              <input type="color" value={draft[key]} onChange={(e) => change(key, e.target.value)} data-testid={`caption-${key}`} />
              <code className="small">{draft[key]}</code>
            </span>
          </label>
        ))}
      </div>
      <div className="row">
        <div className="segmented" role="group" aria-label={t('storyboard.captions.position')}>
          {POSITIONS.map((position) => (
            <button key={position} type="button" className="segmented__item" aria-pressed={draft.position === position} onClick={() => change('position', position)}>
              {t(`storyboard.captions.position.${position}` as MessageKey)}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('storyboard.captions.look')}>
          {LOOKS.map((look) => (
            <button key={look} type="button" className="segmented__item" aria-pressed={draft.look === look} onClick={() => change('look', look)} data-testid={`caption-look-${look}`}>
              {t(`storyboard.captions.look.${look}` as MessageKey)}
            </button>
          ))}
        </div>
        <label className="sb-check">
          <input type="checkbox" checked={draft.uppercase} onChange={(e) => change('uppercase', e.target.checked)} />
          {t('storyboard.captions.uppercase')}
        </label>
      </div>
      <p className="muted small" aria-live="polite">
        {save.isPending ? t('storyboard.saving') : save.isSuccess ? t('storyboard.saved') : ' '}
      </p>
      {save.isError && <ErrorNotice error={save.error} />}
      <StoryboardConflictDialog write={save} onSeeTheirs={(stored) => setDraft(stored.captionStyle)} />
    </section>
  );
}
