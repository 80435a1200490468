import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { stageAbout } from '../../../i18n/stage-text.ts';
import { countWords, FORMATS, isFormatId, isLanguage, speakingSeconds } from '../../../lib/formats.ts';
import { paths } from '../../../lib/paths.ts';
import type { StageScreenProps } from '../../../lib/stage-screen.ts';
import { conflictingStep, useMergeStep } from '../../../lib/steps/use-steps.ts';
import { isApiError } from '../../../lib/http.ts';
import { ConflictDialog } from '../../../components/stage/ConflictDialog.tsx';
import { MergeConflictDialog } from '../../../components/stage/MergeConflictDialog.tsx';
import { StaleBanner } from '../../../components/stage/StaleBanner.tsx';
import { type AnalysisResult, startScript } from '../api/content.ts';
import { useAnalyse, useWriter } from '../hooks/useContent.ts';
import { AnalysisPanel } from './AnalysisPanel.tsx';
import { StageFooter } from '../../../components/stage/StageFooter.tsx';
import '../content.css';
import { MAX_SOURCE_TEXT_CHARS } from '../../../../../contracts/text-limits.ts';
import { TextCounter } from '../../../components/ui/TextCounter.tsx';

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** Stage 2: the text (editable) and what it is worth as a short video. */
export function ContentStage({ project, stage, step, steps }: StageScreenProps) {
  const { t, formatDate, formatDuration } = useI18n();
  const navigate = useNavigate();
  const source = steps.find((s) => s.stepNumber === 1)?.data ?? {};
  const content = step?.data ?? {};
  const hasScript = Boolean(steps.find((s) => s.stepNumber === 3)?.data.generatedVariants);
  const savedText = str(content.text);
  // The author's edit and the step-2 version it was made on.
  const [draft, setDraft] = useState<{ title: string; text: string; baseVersion: number } | null>(null);
  const title = draft?.title ?? str(content.title);
  const text = draft?.text ?? (savedText || str(source.idea) || str(source.text));
  const unsaved = draft !== null || (!savedText && text.trim().length > 0);
  const analysis = content.analysis as Partial<AnalysisResult> | undefined;
  const language = isLanguage(source.language) ? source.language : isLanguage(content.language) ? content.language : 'en';
  const format = isFormatId(source.format) ? source.format : null;
  const target = Number(source.targetDurationSec) || (format ? FORMATS[format].defaultSec : null);
  const words = countWords(text);
  const analyse = useAnalyse(project.id);
  const merge = useMergeStep(project.id);
  const writer = useWriter();
  const [moving, setMoving] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });

  const edit = (change: Partial<{ title: string; text: string }>) => setDraft({ title, text, baseVersion: draft?.baseVersion ?? step?.version ?? 0, ...change });
  const runAnalysis = (baseVersion = draft?.baseVersion ?? step?.version ?? 0) =>
    analyse.mutateAsync({ text, title, baseVersion }).then((saved) => {
      setDraft(null);
      return saved;
    });
  const conflict = isApiError(analyse.error, 412) ? { current: conflictingStep(analyse.error.details) } : null;
  const seeTheirs = () => {
    setDraft(null);
    analyse.reset();
    setMoving({ busy: false, error: null });
  };

  /** Saves and analyses an edited text, finishes the stage, starts the script if there is none yet. */
  const writeScript = async () => {
    setMoving({ busy: true, error: null });
    try {
      let version = step?.version ?? 0;
      if (unsaved || !analysis) version = (await runAnalysis()).version;
      if (!step?.completedAt) await merge.mutateAsync({ stepNumber: 2, patch: { completedAt: new Date().toISOString() }, baseVersion: version });
      if (!hasScript) await startScript(project.id);
      await navigate(paths.stage(project.id, 3));
    } catch (error) {
      setMoving({ busy: false, error });
    }
  };

  const images = Array.isArray(content.images) ? (content.images as { url?: unknown }[]).map((i) => str(i.url)).filter(Boolean) : [];
  const meta = [str(content.siteName), str(content.byline), content.publishedAt ? formatDate(str(content.publishedAt)) : ''].filter(Boolean).join(' · ');

  return (
    <div className="stack-lg content-stage">
      <p className="lead">{stageAbout(t, stage)}</p>
      {step?.stale && <StaleBanner projectId={project.id} step={step} />}
      {str(content.contentNote) && <Notice tone="warning" title={t('content.summaryOnly')}>{str(content.contentNote)}</Notice>}
      <section className="panel stack" aria-labelledby="content-text-title">
        <div className="panel__head">
          <h2 id="content-text-title" className="panel__title">
            {t('content.textTitle')}
          </h2>
          {str(content.url) && (
            <a href={str(content.url)} target="_blank" rel="noreferrer noopener" className="small">
              {t('content.openSource')} ↗
            </a>
          )}
        </div>
        {meta && <p className="muted small">{meta}</p>}
        <div className="field">
          <label className="field__label" htmlFor="content-title">
            {t('content.titleLabel')}
          </label>
          <input id="content-title" className="input" value={title} maxLength={500} onChange={(e) => edit({ title: e.target.value })} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="content-text">
            {t('content.textLabel')}
          </label>
          <textarea id="content-text" className="input content-stage__text" rows={14} value={text} onChange={(e) => edit({ text: e.target.value })} />
          <p className="field__hint" data-testid="content-stats">
            {t('content.stats', { words, time: formatDuration(speakingSeconds(words, language)) })}
            {format && target ? ` · ${t('content.target', { format: t(`format.${format}`), seconds: target })}` : ''}
          </p>
          <TextCounter text={text} limit={MAX_SOURCE_TEXT_CHARS} />
        </div>
        {images.length > 0 && (
          <ul className="content-stage__images" aria-label={t('content.images')}>
            {images.slice(0, 8).map((url) => (
              <li key={url}>
                <img src={url} alt="" loading="lazy" onError={(e) => (e.currentTarget.parentElement!.hidden = true)} />
              </li>
            ))}
          </ul>
        )}
        <div className="row">
          <Button busy={analyse.isPending && !moving.busy} disabled={!text.trim()} onClick={() => void runAnalysis().catch(() => {})}>
            {analysis ? t('content.reanalyse') : t('content.analyse')}
          </Button>
          {draft && (
            <Button variant="ghost" onClick={() => setDraft(null)}>
              {t('content.discard')}
            </Button>
          )}
          {unsaved && <span className="muted small">{t('editor.unsaved')}</span>}
          {analyse.progress && (
            <span className="muted small" role="status">
              {t('content.analysing', { percent: Math.round(analyse.progress.progress * 100) })}
            </span>
          )}
        </div>
        {analyse.isError && !moving.busy && !conflict && <ErrorNotice error={analyse.error} />}
      </section>
      {analysis?.score !== undefined ? (
        <AnalysisPanel analysis={analysis} outdated={unsaved} chosenFormat={format} />
      ) : (
        <p className="empty">{t('content.noAnalysis')}</p>
      )}
      <div className="row">
        <Button variant="primary" disabled={!text.trim()} busy={moving.busy} onClick={() => void writeScript()}>
          {hasScript ? t('content.toScript') : t('content.writeScript')} →
        </Button>
        {writer.data && (
          <span className="muted small" data-testid="writer">
            {t('content.writer', { writer: t(`writer.${writer.data.kind}`) })} · <Link to="/settings/providers">{t('content.changeWriter')}</Link>
          </span>
        )}
      </div>
      {moving.error !== null && !isApiError(moving.error, 412) && <ErrorNotice error={moving.error} />}
      {conflict && (
        <ConflictDialog
          theirVersion={conflict.current?.version ?? null}
          theirs={conflict.current ? <pre className="code">{str(conflict.current.data.text)}</pre> : undefined}
          onSeeTheirs={seeTheirs}
          onKeepMine={() => void runAnalysis(conflict.current?.version ?? 0).catch(() => {})}
          busy={analyse.isPending}
        />
      )}
      <MergeConflictDialog merge={merge} />
      <StageFooter project={project} stage={stage} step={step} showData={false} />
    </div>
  );
}
