import { useId, useState } from 'react';
import { Button } from '../ui/Button.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { StageNumber, Step } from '../../lib/domain.ts';
import { isApiError } from '../../lib/http.ts';
import { conflictingStep, useUpsertStep } from '../../lib/steps/use-steps.ts';
import { parseStepData } from '../../lib/steps/step-data-text.ts';
import { ConflictNotice } from './ConflictNotice.tsx';

interface StepDataEditorProps {
  projectId: string;
  stage: StageNumber;
  step: Step | undefined;
}

/** The user's text and the version it was based on; null while they have not typed anything. */
interface Draft {
  text: string;
  baseVersion: number;
}

const pretty = (data: unknown) => JSON.stringify(data, null, 2);

/**
 * A JSON editor for one step. Saves carry If-Match = the version the edit started from, so a
 * write made meanwhile in another tab is reported as a conflict, never silently overwritten.
 */
export function StepDataEditor({ projectId, stage, step }: StepDataEditorProps) {
  const { t } = useI18n();
  const textareaId = useId();
  const save = useUpsertStep(projectId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  const conflict = isApiError(save.error, 412) ? { current: conflictingStep(save.error.details) } : null;
  const text = draft?.text ?? pretty(step?.data ?? {});

  const onChange = (value: string) => {
    setDraft({ text: value, baseVersion: draft?.baseVersion ?? step?.version ?? 0 });
    setProblem(null);
    setSavedVersion(null);
  };

  const submit = (baseVersion: number) => {
    if (!draft) return;
    const parsed = parseStepData(draft.text);
    if (!parsed.ok) {
      setProblem(parsed.problem === 'syntax' ? t('editor.invalidJson', { reason: parsed.reason }) : t('editor.notObject'));
      return;
    }
    save.mutate(
      { body: { stepNumber: stage, data: parsed.data }, ifMatch: baseVersion },
      {
        onSuccess: (saved) => {
          setDraft(null);
          setSavedVersion(saved.version);
        },
      },
    );
  };

  const loadTheirs = () => {
    setDraft(null);
    save.reset();
  };

  return (
    <section className="panel stack" aria-labelledby={`${textareaId}-title`}>
      <h2 id={`${textareaId}-title`} className="panel__title">
        {t('editor.title')}
      </h2>
      {conflict && (
        <ConflictNotice
          current={conflict.current}
          onLoadTheirs={loadTheirs}
          onOverwrite={() => submit(conflict.current?.version ?? 0)}
          overwriting={save.isPending}
        />
      )}
      {save.isError && !conflict && <ErrorNotice error={save.error} />}
      {problem && <Notice tone="danger">{problem}</Notice>}
      {savedVersion !== null && !draft && <Notice tone="success">{t('editor.saved', { v: savedVersion })}</Notice>}
      <label className="field__label" htmlFor={textareaId}>
        {t('editor.label')}
      </label>
      <textarea
        id={textareaId}
        className="input code-input"
        data-testid="step-editor"
        spellCheck={false}
        rows={Math.min(18, Math.max(6, text.split('\n').length + 1))}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
      <div className="row">
        <Button variant="primary" disabled={!draft} busy={save.isPending} onClick={() => draft && submit(draft.baseVersion)}>
          {t('editor.save')}
        </Button>
        {draft && (
          <Button variant="ghost" onClick={loadTheirs}>
            {t('editor.reset')}
          </Button>
        )}
        {draft && <span className="muted small">{t('editor.unsaved')}</span>}
      </div>
    </section>
  );
}
