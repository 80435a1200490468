import { useId, useState } from 'react';
import { REJECT_CATEGORIES } from '../../../../../contracts/factory.ts';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import type { Draft, RejectCategory } from '../api/factory.ts';
import { useRejectDraft, useReviseDraft } from '../hooks/useFactory.ts';

/** Notes for a revision: of the chosen scenes only, or (none chosen) of every scene. */
export function ReviseForm({ draft, sceneIds, onDone }: { draft: Draft; sceneIds: string[]; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const revise = useReviseDraft();
  const [notes, setNotes] = useState('');
  return (
    <form
      className="stack-sm"
      onSubmit={(e) => {
        e.preventDefault();
        revise.mutate({ id: draft.id, notes, ...(sceneIds.length ? { sceneIds } : {}) }, { onSuccess: onDone });
      }}
    >
      <label className="field__label" htmlFor={`${id}-notes`}>
        {t('factory.reviseNotes')}
      </label>
      <textarea id={`${id}-notes`} className="input" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} placeholder={t('factory.reviseExample')} />
      <p className="muted small">{sceneIds.length ? t('factory.reviseScenes', { scenes: sceneIds.join(', ') }) : t('factory.reviseAll')}</p>
      {revise.isError && <ErrorNotice error={revise.error} />}
      <Button type="submit" variant="primary" busy={revise.isPending} disabled={notes.trim().length < 3}>
        {t('factory.reviseSubmit')}
      </Button>
    </form>
  );
}

export function RejectForm({ draft, onDone }: { draft: Draft; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const reject = useRejectDraft();
  const [category, setCategory] = useState<RejectCategory>('boring-topic');
  const [reason, setReason] = useState('');
  return (
    <form
      className="stack-sm"
      onSubmit={(e) => {
        e.preventDefault();
        reject.mutate({ id: draft.id, category, ...(reason.trim() ? { reason: reason.trim() } : {}) }, { onSuccess: onDone });
      }}
    >
      <label className="field__label" htmlFor={`${id}-category`}>
        {t('factory.rejectCategory')}
      </label>
      <select id={`${id}-category`} className="input" value={category} onChange={(e) => setCategory(e.target.value as RejectCategory)}>
        {REJECT_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`factory.reject.${c}` as MessageKey)}
          </option>
        ))}
      </select>
      <label className="field__label" htmlFor={`${id}-reason`}>
        {t('factory.rejectReason')}
      </label>
      <input id={`${id}-reason`} className="input" value={reason} onChange={(e) => setReason(e.target.value)} />
      {reject.isError && <ErrorNotice error={reject.error} />}
      <Button type="submit" variant="danger" busy={reject.isPending}>
        {t('factory.rejectSubmit')}
      </Button>
    </form>
  );
}
