import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { errorText } from '../../../lib/error-text.ts';
import type { Project } from '../../../lib/domain.ts';
import { useRenameProject } from '../hooks/useProjects.ts';

/** The project title, renamed in place: Enter saves, Escape cancels. */
export function InlineTitle({ project, editing, onDone }: { project: Project; editing: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const rename = useRenameProject();
  const [draft, setDraft] = useState(project.title);

  if (!editing) return <h3 className="card__title">{project.title}</h3>;

  const cancel = () => {
    rename.reset();
    setDraft(project.title);
    onDone();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const title = draft.trim();
    if (!title || title === project.title) return cancel();
    rename.mutate({ id: project.id, title }, { onSuccess: onDone });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') cancel();
  };

  return (
    <form className="inline-title" onSubmit={submit}>
      <input
        className="input"
        aria-label={t('projects.renameLabel')}
        value={draft}
        maxLength={200}
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="row">
        <Button type="submit" small variant="primary" busy={rename.isPending}>
          {t('projects.save')}
        </Button>
        <Button small variant="ghost" onClick={cancel}>
          {t('projects.cancel')}
        </Button>
      </div>
      {rename.isError && <p className="field__error">{errorText(rename.error, t)}</p>}
    </form>
  );
}
