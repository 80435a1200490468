import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from '../ui/Button.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import './conflict-dialog.css';

export interface SceneChanges {
  /** Labels of the scenes changed here only, there only, and in both places. */
  mine: string[];
  theirs: string[];
  both: string[];
}

interface ConflictDialogProps {
  /** The version saved elsewhere; null when the step is gone. */
  theirVersion: number | null;
  /** What the other change holds, shown on request. */
  theirs?: ReactNode;
  /** For stages merged scene by scene: what each side changed. */
  changes?: SceneChanges;
  onSeeTheirs: () => void;
  onKeepMine: () => void;
  /** Only where the stage can merge (scene by scene). */
  onMerge?: () => void;
  /** What keeping mine does, where it is not a plain overwrite. */
  keepHint?: string;
  busy: boolean;
}

/**
 * A save answered 412: the step moved on since this change began. Modal, because the next
 * save would go over the other change: see theirs, keep mine (saved over the new version), or merge.
 */
export function ConflictDialog({ theirVersion, theirs, changes, onSeeTheirs, onKeepMine, onMerge, keepHint, busy }: ConflictDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const list = (labels: string[]) => labels.join(', ');

  return (
    <div className="conflict-dialog__backdrop">
      <div className="conflict-dialog panel stack" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="conflict-dialog">
        <h2 id={titleId} className="panel__title">
          {t('conflict.dialogTitle')}
        </h2>
        <p>{theirVersion === null ? t('conflict.dialogGone') : t('conflict.dialogBody', { v: theirVersion })}</p>
        {changes && (
          <ul className="conflict-dialog__changes" data-testid="conflict-changes">
            {changes.mine.length > 0 && <li>{t('conflict.changedHere', { list: list(changes.mine) })}</li>}
            {changes.theirs.length > 0 && <li>{t('conflict.changedThere', { list: list(changes.theirs) })}</li>}
            {changes.both.length > 0 && <li>{t(onMerge ? 'conflict.changedBoth' : 'conflict.changedBothPlain', { list: list(changes.both) })}</li>}
          </ul>
        )}
        {theirs && (
          <details className="conflict-dialog__theirs">
            <summary>{t('conflict.theirData')}</summary>
            {theirs}
          </details>
        )}
        {onMerge && <p className="muted small">{t('conflict.mergeHint')}</p>}
        {keepHint && <p className="muted small">{keepHint}</p>}
        <div className="row">
          <Button ref={first} onClick={onSeeTheirs} disabled={busy}>
            {t('conflict.seeOther')}
          </Button>
          <Button variant="danger" busy={busy} onClick={onKeepMine}>
            {t('conflict.keepMineOverwrite')}
          </Button>
          {onMerge && (
            <Button variant="primary" disabled={busy} onClick={onMerge}>
              {t('conflict.merge')}
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
