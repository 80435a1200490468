import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { errorText } from '../../../lib/error-text.ts';
import { paths } from '../../../lib/paths.ts';
import { useCreateProject } from '../hooks/useProjects.ts';

export function CreateProjectForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const create = useCreateProject();
  const [title, setTitle] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(title.trim() || undefined, {
      onSuccess: (project) => navigate(paths.stage(project.id, project.currentStage)),
    });
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
