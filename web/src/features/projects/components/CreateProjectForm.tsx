import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { errorText } from '../../../lib/error-text.ts';
import { paths } from '../../../lib/paths.ts';
import { newRequestKey } from '../../../lib/request-key.ts';
import { useCreateProject } from '../hooks/useProjects.ts';

export function CreateProjectForm() {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const create = useCreateProject();
  const [title, setTitle] = useState('');
  // One key per project being created: every repeat of this submit (double click, retry) is the same request.
  const key = useRef(newRequestKey());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const chosen = title.trim() || t('projects.untitled', { date: formatDate(new Date().toISOString(), true) });
    create.mutate(
      { title: chosen, idempotencyKey: key.current },
      {
        onSuccess: (project) => {
          key.current = newRequestKey();
          void navigate(paths.stage(project.id, project.currentStage));
        },
      },
    );
  };

  return (
    <form className="create-project" onSubmit={submit}>
      <input
        className="input"
        aria-label={t('projects.createTitlePlaceholder')}
        placeholder={t('projects.createTitlePlaceholder')}
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
      />
      <Button type="submit" variant="primary" busy={create.isPending}>
        {t('projects.create')}
      </Button>
      {create.isError && <p className="field__error create-project__error">{errorText(create.error, t)}</p>}
    </form>
  );
}
