import { Button } from '../../../components/ui/Button.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { SceneChange, ScriptScene } from '../script-sync.ts';

interface ScriptChangedNoticeProps {
  changes: SceneChange[];
  /** The new script, to number the scenes as they will be. */
  latest: ScriptScene[];
  busy: boolean;
  onLoad: () => void;
  onKeep: () => void;
}

/** Step 3's final script moved on: what changed, scene by scene, and the choice to take it or not. */
export function ScriptChangedNotice({ changes, latest, busy, onLoad, onKeep }: ScriptChangedNoticeProps) {
  const { t } = useI18n();
  const numberOf = (sceneId: string) => latest.findIndex((s) => s.id === sceneId) + 1;
  return (
    <Notice
      tone="warning"
      testId="script-changed"
      title={t('voice.changed.title')}
      actions={
        <>
          <Button variant="primary" small busy={busy} onClick={onLoad}>
            {t('voice.changed.load')}
          </Button>
          <Button small disabled={busy} onClick={onKeep}>
            {t('voice.changed.keep')}
          </Button>
        </>
      }
    >
      <p>{t('voice.changed.hint')}</p>
      <ul className="voice-changes">
        {changes.map((change) => (
          <li key={`${change.kind}:${change.sceneId}`} className="voice-change" data-testid="script-change">
            <p className="voice-change__title">
              {change.kind === 'removed' ? t('voice.changed.kind.removed') : t(`voice.changed.kind.${change.kind}`, { n: numberOf(change.sceneId) })}
            </p>
            {change.before !== undefined && (
              <p className="voice-change__old">
                <span className="voice-change__tag">{t('voice.changed.before')}</span>
                <del>{change.before}</del>
              </p>
            )}
            {change.after !== undefined && (
              <p className="voice-change__new">
                <span className="voice-change__tag">{t('voice.changed.after')}</span>
                <ins>{change.after}</ins>
              </p>
            )}
            {change.editedHere && <p className="small muted">{t('voice.changed.editedHere')}</p>}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
