import { ConflictDialog } from '../../../components/stage/ConflictDialog.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { isApiError } from '../../../lib/http.ts';
import { conflictingStep } from '../../../lib/steps/use-steps.ts';
import type { StoryboardView } from '../api/storyboard.ts';
import { useStoryboard } from '../hooks/useStoryboard.ts';
import type { StoryboardWrite } from '../hooks/useStoryboardWrite.ts';
import { changedParts, conflictParts, type StoryboardPart } from '../storyboard-conflict.ts';

interface StoryboardConflictDialogProps<I> {
  write: StoryboardWrite<I>;
  /** For panels keeping a draft of their own: the stored storyboard to show instead. */
  onSeeTheirs?: (stored: StoryboardView) => void;
}

/**
 * A stage-6 change answered 412: the storyboard was changed elsewhere after this one was shown.
 * Seeing the other change keeps theirs (already read again); keeping mine sends this one change
 * again on the stored version, over theirs only where both changed the same scene.
 */
export function StoryboardConflictDialog<I>({ write, onSeeTheirs }: StoryboardConflictDialogProps<I>) {
  const { t } = useI18n();
  const stored = useStoryboard(write.projectId).data;
  const { mutation } = write;
  if (!isApiError(mutation.error, 412) || !mutation.variables) return null;
  const { input, base } = mutation.variables;
  const theirVersion = conflictingStep(mutation.error.details)?.version ?? null;
  const fresh = stored && stored.version === theirVersion ? stored : null;
  const parts = conflictParts(write.partOf(input), fresh ? changedParts(base, fresh) : []);
  const order = base.scenes.map((scene) => scene.sceneId);
  const label = (part: StoryboardPart) => (part === null ? t('conflict.storyboardSettings') : t('conflict.scene', { n: order.indexOf(part) + 1 }));

  return (
    <ConflictDialog
      theirVersion={theirVersion}
      changes={{ mine: parts.mine.map(label), theirs: parts.theirs.map(label), both: parts.both.map(label) }}
      onSeeTheirs={() => {
        mutation.reset();
        if (fresh) onSeeTheirs?.(fresh);
      }}
      onKeepMine={() => mutation.mutate({ input, base: fresh ?? { ...base, version: theirVersion ?? 0 } })}
      keepHint={t('conflict.storyboardKeepHint')}
      busy={mutation.isPending}
    />
  );
}
