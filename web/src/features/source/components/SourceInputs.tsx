import { useId, useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type Article, importFile, importSource } from '../api/source.ts';
import { SOURCE_KINDS, type SourceDraft } from '../source-draft.ts';
import { ArticlePreview } from './ArticlePreview.tsx';
import { FeedOffer, feedOf } from './FeedOffer.tsx';
import { MediaSourceInput } from './MediaSourceInput.tsx';
import { NewsItemPicker } from './NewsItemPicker.tsx';
import { useMutation } from '@tanstack/react-query';
import { MAX_SOURCE_TEXT_CHARS } from '../../../../../contracts/text-limits.ts';
import { TextCounter } from '../../../components/ui/TextCounter.tsx';

interface SourceInputsProps {
  draft: SourceDraft;
  update: (change: Partial<SourceDraft>) => void;
  /** The server's reading of the typed idea or text. */
  preview: Article | null;
  projectId: string;
}

export function SourceInputs({ draft, update, preview, projectId }: SourceInputsProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="stack">
      <div className="segmented" role="group" aria-label={t('source.kind')}>
        {SOURCE_KINDS.map((kind) => (
          <button key={kind} type="button" className="segmented__item" aria-pressed={draft.kind === kind} onClick={() => update({ kind })}>
            {t(`source.kind.${kind}`)}
          </button>
        ))}
      </div>
      {draft.kind === 'idea' && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-idea`}>
            {t('source.idea')}
          </label>
          <textarea id={`${id}-idea`} className="input" rows={3} maxLength={2000} value={draft.idea} placeholder={t('source.ideaPlaceholder')} onChange={(e) => update({ idea: e.target.value })} />
          <p className="field__hint">{t('source.ideaHint')}</p>
        </div>
      )}
      {draft.kind === 'text' && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-text`}>
            {t('source.text')}
          </label>
          <textarea id={`${id}-text`} className="input source-stage__text" rows={10} value={draft.text} onChange={(e) => update({ text: e.target.value })} />
          <TextCounter text={draft.text} limit={MAX_SOURCE_TEXT_CHARS} words={preview && draft.text.trim() ? preview.wordCount : null} />
        </div>
      )}
      {draft.kind === 'url' && <UrlImport draft={draft} update={update} />}
      {draft.kind === 'file' && <FileImport draft={draft} update={update} />}
      {draft.kind === 'media' && <MediaSourceInput projectId={projectId} draft={draft} update={update} />}
      {draft.kind === 'news' && <NewsItemPicker picked={draft.news} onPick={(news) => update({ news })} />}
    </div>
  );
}

function UrlImport({ draft, update }: Pick<SourceInputsProps, 'draft' | 'update'>) {
  const { t } = useI18n();
  const id = useId();
  const fetchPage = useMutation({ mutationFn: (url: string) => importSource({ url }), onSuccess: (imported) => update({ imported }) });
  return (
    <div className="stack">
      <form
        className="source-stage__url"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.url.trim()) fetchPage.mutate(draft.url.trim());
        }}
      >
        <div className="field grow">
          <label className="field__label" htmlFor={`${id}-url`}>
            {t('source.url')}
          </label>
          <input id={`${id}-url`} className="input" type="url" inputMode="url" placeholder="https://" value={draft.url} onChange={(e) => update({ url: e.target.value, imported: null })} />
        </div>
        <Button type="submit" busy={fetchPage.isPending} disabled={!draft.url.trim()}>
          {t('source.fetch')}
        </Button>
      </form>
      {fetchPage.isError && (feedOf(fetchPage.error) ? <FeedOffer error={fetchPage.error} /> : <ErrorNotice error={fetchPage.error} title={t('source.fetchFailed')} />)}
      {draft.imported && <ArticlePreview article={draft.imported} />}
    </div>
  );
}

function FileImport({ draft, update }: Pick<SourceInputsProps, 'draft' | 'update'>) {
  const { t } = useI18n();
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const upload = useMutation({ mutationFn: importFile, onSuccess: (imported, file) => update({ imported, fileName: file.name, text: imported.text }) });
  return (
    <div className="stack">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-file`}>
          {t('source.file')}
        </label>
        <input
          id={`${id}-file`}
          className="input"
          type="file"
          accept=".html,.htm,.txt,.md,.markdown,text/html,text/plain,text/markdown"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            setChosen(file.name);
            update({ imported: null });
            upload.mutate(file);
          }}
        />
        <p className="field__hint">{t('source.fileHint')}</p>
      </div>
      {upload.isPending && <p className="muted">{t('source.reading', { name: chosen ?? '' })}</p>}
      {upload.isError && <ErrorNotice error={upload.error} title={t('source.fileFailed')} />}
      {draft.imported ? <ArticlePreview article={draft.imported} /> : draft.fileName && <p className="muted">{t('source.savedFile', { name: draft.fileName })}</p>}
    </div>
  );
}
