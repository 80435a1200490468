import type { UseMutationResult } from '@tanstack/react-query';
import { isApiError } from '../../lib/http.ts';
import { conflictingStep } from '../../lib/steps/use-steps.ts';
import { ConflictDialog } from './ConflictDialog.tsx';

interface MergeConflictDialogProps<TData, V extends { baseVersion: number }> {
  merge: UseMutationResult<TData, Error, V>;
  keepHint?: string;
}

/**
 * The conflict dialog for a single-field change (a completion, a voice setting, an avatar
 * placement): the other change is already on screen once the dialog closes; keeping mine sends
 * it again on the new version.
 */
export function MergeConflictDialog<TData, V extends { baseVersion: number }>({ merge, keepHint }: MergeConflictDialogProps<TData, V>) {
  if (!isApiError(merge.error, 412) || !merge.variables) return null;
  const current = conflictingStep(merge.error.details);
  const variables = merge.variables;
  return (
    <ConflictDialog
      theirVersion={current?.version ?? null}
      theirs={current ? <pre className="code">{JSON.stringify(current.data, null, 2)}</pre> : undefined}
      onSeeTheirs={() => merge.reset()}
      onKeepMine={() => merge.mutate({ ...variables, baseVersion: current?.version ?? 0 })}
      keepHint={keepHint}
      busy={merge.isPending}
    />
  );
}
