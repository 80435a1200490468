import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../ui/Button.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { StageNumber } from '../../lib/domain.ts';
import { paths } from '../../lib/paths.ts';
import { useSkipStep } from '../../lib/steps/use-steps.ts';

interface SkipStageFormProps {
  projectId: string;
  stage: StageNumber;
  /** Skipping the current stage moves the project on (server rule), so the screen follows it. */
  isCurrent: boolean;
}

export function SkipStageForm({ projectId, stage, isCurrent }: SkipStageFormProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const skip = useSkipStep(projectId);
  const [reason, setReason] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // mutateAsync, not mutate callbacks: this form disappears as soon as the step says "skipped".
    const skipped = await skip.mutateAsync({ stepNumber: stage, reason: reason.trim() || undefined }).catch(() => null);
    if (skipped && isCurrent) await navigate(paths.stage(projectId, stage + 1));
  };

  return (
    <form className="panel stack" onSubmit={(e) => void submit(e)} aria-labelledby={`skip-${stage}-title`}>
      <h2 id={`skip-${stage}-title`} className="panel__title">
        {t('stage.skipTitle')}
      </h2>
      <div className="row row--wrap">
        <input
          className="input grow"
          aria-label={t('stage.skipReason')}
          placeholder={t('stage.skipReason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button type="submit" busy={skip.isPending}>
          {t('stage.skip')}
        </Button>
      </div>
      {skip.isError && <ErrorNotice error={skip.error} />}
    </form>
  );
}
