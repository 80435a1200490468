import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import type { Draft } from '../api/factory.ts';
import { useApproveDraft } from '../hooks/useFactory.ts';
import { RejectForm, ReviseForm } from './DraftForms.tsx';
import { DraftVersions } from './DraftVersions.tsx';

type Mode = 'view' | 'edit' | 'revise' | 'reject';

/** A draft in the review queue: source, score, why it was picked, the checks, the scenes, and the actions. */
export function DraftCard({ draft }: { draft: Draft }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const approve = useApproveDraft();
  const [mode, setMode] = useState<Mode>('view');
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<string[]>([]);

  const approveAs = (as: 'project' | 'video') => {
    const scenes = mode === 'edit' ? draft.scenes.filter((s) => edits[s.id] !== undefined && edits[s.id] !== s.text).map((s) => ({ id: s.id, text: edits[s.id]! })) : undefined;
    approve.mutate(
      { id: draft.id, mode: as, ...(scenes?.length ? { scenes } : {}) },
      { onSuccess: (result) => void navigate(as === 'video' ? paths.make(result.projectId) : paths.stage(result.projectId, 4)) },
    );
  };
  const toggle = (sceneId: string) => setSelected((current) => (current.includes(sceneId) ? current.filter((id) => id !== sceneId) : [...current, sceneId]));

  return (
    <article className="panel stack draft" data-testid="draft" aria-label={draft.title}>
      <header className="stack-sm">
        <h3 className="draft__title">{draft.title}</h3>
        <p className="muted small row">
          <Badge tone="accent">{t('factory.score', { score: draft.score })}</Badge>
          <span>{t(`format.${draft.format}` as MessageKey)}</span>
          <span>{t(`language.${draft.language}` as MessageKey)}</span>
          {draft.feedTitle && <span>{draft.feedTitle}</span>}
          {draft.sourceUrl && (
            <a href={draft.sourceUrl} target="_blank" rel="noreferrer noopener">
              {t('factory.source')}
            </a>
          )}
        </p>
        <p className="small" data-testid="draft-why">
          {t('factory.why')} {draft.why.map((w) => t(`factory.why.${w.code}` as MessageKey, { ...w.vars, format: w.vars.format ? t(`format.${w.vars.format}` as MessageKey) : '' })).join(' · ')}
        </p>
      </header>
      <ul className="draft__checks small" aria-label={t('factory.checks')}>
        {draft.checks.map((check) => (
          <li key={check.name} data-ok={check.ok}>
            {check.ok ? '✓' : '✗'} {t(`factory.check.${check.name}` as MessageKey)}
            {check.detail && !check.ok ? `: ${check.detail}` : ''}
          </li>
        ))}
      </ul>
      <ol className="draft__scenes stack-sm">
        {draft.scenes.map((scene) => (
          <li key={scene.id} className="draft__scene" data-testid={`draft-scene-${scene.id}`}>
            <span className="muted small">{t(`factory.role.${scene.role}` as MessageKey)}</span>
            {mode === 'edit' ? (
              <textarea className="input" aria-label={t('factory.sceneText', { id: scene.id })} value={edits[scene.id] ?? scene.text} onChange={(e) => setEdits({ ...edits, [scene.id]: e.target.value })} rows={2} />
            ) : (
              <p>{scene.text}</p>
            )}
            {mode === 'revise' && (
              <label className="small row">
                <input type="checkbox" checked={selected.includes(scene.id)} onChange={() => toggle(scene.id)} /> {t('factory.reviseThis')}
              </label>
            )}
          </li>
        ))}
      </ol>
      {draft.versions.length > 1 && <DraftVersions versions={draft.versions} />}
      {approve.isError && <ErrorNotice error={approve.error} />}
      {mode === 'revise' && <ReviseForm draft={draft} sceneIds={selected} onDone={() => setMode('view')} />}
      {mode === 'reject' && <RejectForm draft={draft} onDone={() => setMode('view')} />}
      <div className="row draft__actions">
        <Button variant="primary" busy={approve.isPending} onClick={() => approveAs('video')} data-testid="draft-approve-video">
          {mode === 'edit' ? t('factory.approveEditedVideo') : t('factory.approveVideo')}
        </Button>
        <Button busy={approve.isPending} onClick={() => approveAs('project')} data-testid="draft-approve">
          {mode === 'edit' ? t('factory.approveEdited') : t('factory.approve')}
        </Button>
        <Button variant="ghost" onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}>
          {mode === 'edit' ? t('factory.cancelEdit') : t('factory.edit')}
        </Button>
        <Button variant="ghost" disabled={draft.revisionsLeft === 0} onClick={() => setMode(mode === 'revise' ? 'view' : 'revise')} data-testid="draft-revise">
          {t('factory.revise', { n: draft.revisionsLeft })}
        </Button>
        <Button variant="danger" onClick={() => setMode(mode === 'reject' ? 'view' : 'reject')} data-testid="draft-reject">
          {t('factory.reject')}
        </Button>
      </div>
    </article>
  );
}
