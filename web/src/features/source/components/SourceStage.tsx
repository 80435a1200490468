import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { stageAbout } from '../../../i18n/stage-text.ts';
import type { Language } from '../../../lib/formats.ts';
import { isApiError } from '../../../lib/http.ts';
import { useStartMakeVideo } from '../../../lib/make-video.ts';
import { paths } from '../../../lib/paths.ts';
import type { StageScreenProps } from '../../../lib/stage-screen.ts';
import { StageFooter } from '../../../components/stage/StageFooter.tsx';
import { ConflictDialog } from '../../../components/stage/ConflictDialog.tsx';
import { conflictingStep } from '../../../lib/steps/use-steps.ts';
import { useApplySource, useTextPreview } from '../hooks/useSource.ts';
import { draftFromStep, isComplete, type SourceDraft, toApplyBody } from '../source-draft.ts';
import { FormatFields } from './FormatFields.tsx';
import { SourceInputs } from './SourceInputs.tsx';
import '../source.css';

/** Stage 1: where the video starts (idea, text, URL, file or news story), its format, length and language. */
export function SourceStage({ project, stage, step }: StageScreenProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<SourceDraft>(() => draftFromStep(step?.data));
  // The step-1 version the draft shows; an untouched draft follows changes saved elsewhere.
  const [base, setBase] = useState(step?.version ?? 0);
  const touched = useRef(false);
  useEffect(() => {
    if (touched.current || !step || step.version === base) return;
    setDraft(draftFromStep(step.data));
    setBase(step.version);
  }, [step, base]);
  const apply = useApplySource(project.id);
  const make = useStartMakeVideo(project.id);
  // What the source is applied for: the whole video at once, or the next stage.
  const intent = useRef<'make' | 'steps'>('steps');
  const typed = draft.kind === 'idea' ? draft.idea : draft.kind === 'text' || draft.kind === 'media' ? draft.text : '';
  const preview = useTextPreview(typed);
  const proposed: Language | null =
    draft.kind === 'news' ? draft.news?.language ?? null : draft.kind === 'url' || draft.kind === 'file' ? draft.imported?.language ?? null : typed.trim() ? preview.data?.language ?? null : null;

  const update = (change: Partial<SourceDraft>) => {
    touched.current = true;
    apply.reset();
    setDraft((current) => ({ ...current, ...change }));
  };
  const needsReplace = isApiError(apply.error, 409) && (apply.error.details as { reason?: string } | undefined)?.reason === 'CONTENT_EXISTS';
  const conflict = isApiError(apply.error, 412) ? { current: conflictingStep(apply.error.details) } : null;
  const submit = (replace = false, next = intent.current, baseVersion = base) => {
    intent.current = next;
    setBase(baseVersion);
    apply.mutate({ ...toApplyBody(draft, proposed, replace), baseVersion }, {
      onSuccess: (applied) => {
        setBase(applied.steps.find((s) => s.stepNumber === 1)?.version ?? baseVersion);
        if (next === 'make') make.mutate({}, { onSuccess: () => void navigate(paths.make(project.id)) });
        else void navigate(paths.stage(project.id, 2));
      },
    });
  };
  const busy = apply.isPending || make.isPending;

  return (
    <div className="stack-lg source-stage">
      <p className="lead">{stageAbout(t, stage)}</p>
      <section className="panel stack" aria-labelledby="source-title">
        <h2 id="source-title" className="panel__title">
          {t('source.title')}
        </h2>
        <SourceInputs draft={draft} update={update} preview={preview.data ?? null} projectId={project.id} />
      </section>
      <section className="panel stack" aria-labelledby="format-title">
        <h2 id="format-title" className="panel__title">
          {t('source.formatTitle')}
        </h2>
        <FormatFields draft={draft} update={update} proposedLanguage={proposed} />
      </section>
      {needsReplace && (
        <Notice
          tone="warning"
          testId="replace-content"
          title={t('source.replaceTitle')}
          actions={
            <Button small variant="danger" busy={apply.isPending} onClick={() => submit(true)}>
              {t('source.replace')}
            </Button>
          }
        >
          {t('source.replaceBody')}
        </Notice>
      )}
      {apply.isError && !needsReplace && !conflict && <ErrorNotice error={apply.error} />}
      {conflict && (
        <ConflictDialog
          theirVersion={conflict.current?.version ?? null}
          theirs={conflict.current ? <pre className="code">{JSON.stringify(conflict.current.data, null, 2)}</pre> : undefined}
          onSeeTheirs={() => {
            touched.current = false;
            setDraft(draftFromStep(conflict.current?.data));
            setBase(conflict.current?.version ?? 0);
            apply.reset();
          }}
          onKeepMine={() => submit(false, intent.current, conflict.current?.version ?? 0)}
          busy={apply.isPending}
        />
      )}
      {make.isError && <ErrorNotice error={make.error} />}
      <div className="make-launch">
        <Button variant="primary" disabled={!isComplete(draft) || busy} busy={busy && intent.current === 'make' && !needsReplace} onClick={() => submit(false, 'make')} data-testid="make-video">
          {t('make.action')}
        </Button>
        <Button disabled={!isComplete(draft) || busy} busy={apply.isPending && intent.current === 'steps' && !needsReplace} onClick={() => submit(false, 'steps')}>
          {t('source.useSource')} →
        </Button>
        {isComplete(draft) ? <span className="muted small">{t('make.actionHint')}</span> : <span className="muted small">{t('source.incomplete')}</span>}
      </div>
      <StageFooter project={project} stage={stage} step={step} />
    </div>
  );
}
