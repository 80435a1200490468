import { useId } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { countWords, speakingSeconds } from '../../../lib/formats.ts';
import { isFinished, useJobEvents } from '../../../lib/job-events.ts';
import { type GeneratedScene, type SceneChoice, sceneText, variantOf } from '../script-state.ts';
import { JobProgress } from './JobProgress.tsx';

interface SceneCardProps {
  scene: GeneratedScene;
  /** 1-based position among the body scenes, for the label "Scene 2". */
  number: number;
  language: 'en' | 'ru';
  choice: SceneChoice | undefined;
  onChoose: (choice: SceneChoice | null, typing?: boolean) => void;
  onRegenerate: () => void;
  /** The job writing new variants for this scene, followed live. */
  regenerateJobId: string | null;
  onRegenerated: () => void;
  busy: boolean;
}

/** One scene: its variants to pick from, the chosen text to edit, or the author's own text. */
export function SceneCard({ scene, number, language, choice, onChoose, onRegenerate, regenerateJobId, onRegenerated, busy }: SceneCardProps) {
  const { t } = useI18n();
  const regenerating = useJobEvents(regenerateJobId, onRegenerated);
  const running = Boolean(regenerateJobId) && !isFinished(regenerating);
  const id = useId();
  const picked = variantOf(scene, choice);
  const own = Boolean(choice && !choice.variantId);
  const text = sceneText(scene, choice);
  const words = text ? countWords(text) : 0;
  const role = scene.role === 'hook' ? t('script.role.hook') : scene.role === 'cta' ? t('script.role.cta') : t('script.role.body', { n: number });
  const editorText = choice?.text ?? picked?.text ?? '';
  const edited = Boolean(picked && choice?.text?.trim() && choice.text.trim() !== picked.text);

  const editText = (value: string) => {
    const keepsVariant = picked && value.trim() === picked.text;
    onChoose({ variantId: picked?.id ?? null, text: keepsVariant ? null : value }, true);
  };

  return (
    <section className={`scene${text ? ' scene--chosen' : ''}`} data-testid={`scene-${scene.id}`} aria-labelledby={`${id}-title`}>
      <header className="scene__head">
        <Badge tone={scene.role === 'body' ? 'neutral' : 'accent'}>{role}</Badge>
        <h3 id={`${id}-title`} className="visually-hidden">
          {role}
        </h3>
        <span className="muted small" data-testid="scene-total">
          {text ? t('script.sceneTotal', { words, seconds: speakingSeconds(words, language) }) : t('script.notChosen')}
        </span>
        <Button small variant="ghost" className="scene__regenerate" busy={running} disabled={busy} onClick={onRegenerate}>
          ↻ {t('script.regenerate')}
        </Button>
      </header>
      {regenerateJobId && regenerating?.state !== 'succeeded' && <JobProgress job={regenerating} label={t('script.regenerating')} />}
      <fieldset className="variants">
        <legend className="visually-hidden">{t('script.variantsOf', { scene: role })}</legend>
        {scene.variants.map((variant) => (
          <label key={variant.id} className="variant" data-selected={picked?.id === variant.id || undefined}>
            <input type="radio" name={`${id}-choice`} checked={picked?.id === variant.id} onChange={() => onChoose({ variantId: variant.id, text: null })} />
            <span className="variant__text">{variant.text}</span>
            <span className="variant__meta">
              <Badge tone="muted">{t(`script.style.${variant.style}`)}</Badge>
              <span className="muted small">{t('script.variantMeta', { words: variant.words, seconds: variant.seconds, score: variant.score })}</span>
            </span>
          </label>
        ))}
        <label className="variant variant--own" data-selected={own || undefined}>
          <input type="radio" name={`${id}-choice`} checked={own} onChange={() => onChoose({ variantId: null, text: choice?.text ?? '' })} />
          <span className="variant__text">{t('script.writeOwn')}</span>
        </label>
      </fieldset>
      {choice && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-text`}>
            {own ? t('script.ownText') : t('script.editText')}
          </label>
          <textarea id={`${id}-text`} className="input" rows={3} maxLength={1000} value={editorText} onChange={(e) => editText(e.target.value)} />
          <div className="row">
            {edited && (
              <Button small variant="ghost" onClick={() => onChoose({ variantId: picked!.id, text: null })}>
                {t('script.resetEdit')}
              </Button>
            )}
            <Button small variant="ghost" onClick={() => onChoose(null)}>
              {t('script.clearChoice')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
