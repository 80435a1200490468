import { useI18n } from '../../i18n/i18n.tsx';
import { mergeScenes } from '../../lib/steps/scene-merge.ts';
import { ConflictDialog } from './ConflictDialog.tsx';

/** A 412 on a stage kept scene by scene: the values each side had, by scene id. */
export interface SceneConflict<T> {
  theirVersion: number | null;
  base: Record<string, T>;
  mine: Record<string, T>;
  theirs: Record<string, T>;
}

interface SceneConflictDialogProps<T> {
  conflict: SceneConflict<T>;
  /** Scene ids in screen order, for the labels "Scene 2". */
  order: string[];
  onSeeTheirs: () => void;
  onKeepMine: () => void;
  onMerge: (merged: Record<string, T>) => void;
  busy: boolean;
}

/** The conflict dialog of a stage that merges scene by scene (scripts): what changed where, and a merge. */
export function SceneConflictDialog<T>({ conflict, order, onSeeTheirs, onKeepMine, onMerge, busy }: SceneConflictDialogProps<T>) {
  const { t } = useI18n();
  const merge = mergeScenes(conflict.base, conflict.mine, conflict.theirs);
  const label = (id: string) => t('conflict.scene', { n: order.indexOf(id) + 1 || order.length + 1 });
  const labels = (ids: string[]) => ids.map((id) => ({ id, at: order.indexOf(id) })).sort((a, b) => a.at - b.at).map(({ id }) => label(id));
  return (
    <ConflictDialog
      theirVersion={conflict.theirVersion}
      changes={{ mine: labels(merge.mine), theirs: labels(merge.theirs), both: labels(merge.both) }}
      onSeeTheirs={onSeeTheirs}
      onKeepMine={onKeepMine}
      onMerge={() => onMerge(merge.merged)}
      busy={busy}
    />
  );
}
