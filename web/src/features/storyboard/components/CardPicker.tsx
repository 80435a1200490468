import { useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import { cardPreviewUrl } from '../api/storyboard.ts';
import { useSceneUpdate } from '../hooks/useStoryboard.ts';
import type { PickerProps } from './VisualEditor.tsx';
import { StoryboardConflictDialog } from './StoryboardConflictDialog.tsx';

const MAX_WORDS = 8;

/** A generated card: a design (small previews in the chosen palette), a palette, and the words it shows. */
export function CardPicker({ projectId, view, scene }: PickerProps) {
  const { t } = useI18n();
  const update = useSceneUpdate(projectId);
  const chosen = scene.visual?.kind === 'card' ? scene.visual : null;
  const design = chosen?.design ?? scene.automaticCard?.design ?? view.options.designs[0]!;
  const palette = chosen?.palette ?? scene.automaticCard?.palette ?? view.options.palettes[0]!.id;
  const savedWords = (chosen?.keywords ?? []).join(' ');
  const [words, setWords] = useState(savedWords);
  const headline = words.trim() || scene.keywords.join(' ') || scene.text;

  const save = (change: { design?: typeof design; palette?: typeof palette; keywords?: string[] }) =>
    update.mutate({
      sceneId: scene.sceneId,
      body: { visual: { kind: 'card', design, palette, keywords: chosen?.keywords ?? [], ...change } },
    });
  const saveWords = () => {
    const keywords = words.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS).map((w) => w.slice(0, 60));
    if (keywords.join(' ') !== savedWords) save({ keywords });
  };

  return (
    <div className="stack">
      <fieldset className="choice-group">
        <legend className="field__label">{t('storyboard.card.design')}</legend>
        <div className="design-grid">
          {view.options.designs.map((d) => (
            <button
              key={d}
              type="button"
              className="design-option"
              aria-pressed={chosen?.design === d}
              onClick={() => save({ design: d })}
              disabled={update.isPending}
              data-testid={`design-${d}`}
            >
              <img src={cardPreviewUrl({ design: d, palette, text: headline, aspect: view.aspect, width: 120 })} alt="" loading="lazy" className={`scene-thumb--${view.aspect.replace(':', 'x')}`} />
              <span>{t(`storyboard.design.${d}` as MessageKey)}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">{t('storyboard.card.palette')}</legend>
        <div className="palette-row">
          {view.options.palettes.map((p) => (
            <button
              key={p.id}
              type="button"
              className="palette-swatch"
              style={{ background: `linear-gradient(135deg, ${p.from}, ${p.to})`, color: p.text }}
              aria-pressed={chosen?.palette === p.id}
              aria-label={t(`storyboard.palette.${p.id}` as MessageKey)}
              title={t(`storyboard.palette.${p.id}` as MessageKey)}
              onClick={() => save({ palette: p.id })}
              disabled={update.isPending}
            >
              <span className="palette-swatch__accent" style={{ background: p.accent }} />
            </button>
          ))}
        </div>
      </fieldset>
      <label className="field">
        <span className="field__label">{t('storyboard.card.words')}</span>
        <input
          className="input"
          value={words}
          placeholder={scene.keywords.join(' ')}
          maxLength={300}
          onChange={(e) => setWords(e.target.value)}
          onBlur={saveWords}
          onKeyDown={(e) => e.key === 'Enter' && saveWords()}
        />
        <span className="field__hint">{t('storyboard.card.wordsHint')}</span>
      </label>
      {scene.visual && (
        <div className="row">
          <Button small variant="ghost" onClick={() => update.mutate({ sceneId: scene.sceneId, body: { visual: null } })}>
            {t('storyboard.card.automatic')}
          </Button>
        </div>
      )}
      {update.isError && <ErrorNotice error={update.error} />}
      <StoryboardConflictDialog write={update} />
    </div>
  );
}
