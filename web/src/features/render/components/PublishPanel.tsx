import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { PublishMetadata } from '../api/render.ts';
import { usePublish } from '../hooks/usePublish.ts';
import { hashtagsText, parseHashtags, publishText } from '../publish-text.ts';

interface Draft {
  title: string;
  description: string;
  hashtags: string;
}

const sameDraft = (a: Draft, b: Draft) => a.title === b.title && a.description === b.description && a.hashtags === b.hashtags;

const toDraft = (metadata: PublishMetadata | null): Draft => ({
  title: metadata?.title ?? '',
  description: metadata?.description ?? '',
  hashtags: hashtagsText(metadata?.hashtags ?? []),
});

/** Copies text to the clipboard and says so for a moment next to the button. */
function CopyButton({ text, label, caption, testId }: { text: string; label: string; caption?: string; testId: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2000);
  };
  return (
    <span className="render-copy">
      <Button small variant="ghost" disabled={!text.trim()} onClick={() => void copy()} aria-label={label} data-testid={testId}>
        {state === 'copied' ? `✓ ${t('render.publish.copied')}` : (caption ?? t('render.publish.copy'))}
      </Button>
      {state === 'failed' && (
        <span className="field__error small" role="alert">
          {t('render.publish.copyFailed')}
        </span>
      )}
    </span>
  );
}

/** Title, description and hashtags: drafted from the script by the writer, edited here, copied out. */
export function PublishPanel({ projectId, saved }: { projectId: string; saved: PublishMetadata | null }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => toDraft(saved));
  const [base, setBase] = useState<Draft>(() => toDraft(saved));
  const { draft: drafting, save } = usePublish(projectId, (metadata) => {
    setDraft(toDraft(metadata));
    setBase(toDraft(metadata));
  });
  const dirty = draft.title !== base.title || draft.description !== base.description || draft.hashtags !== base.hashtags;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const savedKey = JSON.stringify(saved);
  // Text saved elsewhere (another tab, a later read) is taken over unless the author is editing.
  useEffect(() => {
    const next = toDraft(JSON.parse(savedKey) as PublishMetadata | null);
    setBase((current) => (sameDraft(current, next) ? current : next));
    if (!dirtyRef.current) setDraft((current) => (sameDraft(current, next) ? current : next));
  }, [savedKey]);
  const hasText = Boolean(base.title || draft.title);
  const current: PublishMetadata = { title: draft.title.trim(), description: draft.description.trim(), hashtags: parseHashtags(draft.hashtags) };
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: event.target.value }));

  return (
    <section className="panel stack" aria-labelledby="publish-title" data-testid="publish-panel">
      <div className="panel__head">
        <h2 id="publish-title" className="panel__title">
          {t('render.publish.title')}
        </h2>
        <Button small variant={hasText ? 'ghost' : 'primary'} busy={drafting.isPending} onClick={() => drafting.mutate()}>
          {hasText ? t('render.publish.redraft') : t('render.publish.draft')}
        </Button>
      </div>
      <p className="muted">{t('render.publish.hint')}</p>
      {drafting.isError && <ErrorNotice error={drafting.error} />}
      {hasText && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(current);
          }}
        >
          <div className="field">
            <div className="render-field-head">
              <label className="field__label" htmlFor="publish-title-input">
                {t('render.publish.fieldTitle')}
              </label>
              <CopyButton text={current.title} label={t('render.publish.copyTitle')} testId="copy-title" />
            </div>
            <input id="publish-title-input" className="input" value={draft.title} maxLength={100} onChange={set('title')} />
          </div>
          <div className="field">
            <div className="render-field-head">
              <label className="field__label" htmlFor="publish-description-input">
                {t('render.publish.fieldDescription')}
              </label>
              <CopyButton text={current.description} label={t('render.publish.copyDescription')} testId="copy-description" />
            </div>
            <textarea id="publish-description-input" className="input render-textarea" rows={4} value={draft.description} maxLength={2200} onChange={set('description')} />
          </div>
          <div className="field">
            <div className="render-field-head">
              <label className="field__label" htmlFor="publish-hashtags-input">
                {t('render.publish.fieldHashtags')}
              </label>
              <CopyButton text={hashtagsText(current.hashtags)} label={t('render.publish.copyHashtags')} testId="copy-hashtags" />
            </div>
            <input id="publish-hashtags-input" className="input" value={draft.hashtags} onChange={set('hashtags')} aria-describedby="publish-hashtags-hint" />
            <p id="publish-hashtags-hint" className="field__hint">
              {t('render.publish.hashtagsHint')}
            </p>
          </div>
          {save.isError && <ErrorNotice error={save.error} />}
          <div className="row">
            <Button type="submit" variant="primary" disabled={!dirty} busy={save.isPending}>
              {t('render.publish.save')}
            </Button>
            <span className="muted small grow" role="status">
              {dirty ? t('render.publish.unsaved') : save.isSuccess ? t('render.publish.saved') : ''}
            </span>
            <CopyButton text={publishText(current)} label={t('render.publish.copyAll')} caption={t('render.publish.copyAll')} testId="copy-all" />
          </div>
        </form>
      )}
    </section>
  );
}
