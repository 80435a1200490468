import { Button } from '../../../components/ui/Button.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Project } from '../../../lib/domain.ts';

interface DeletedProjectCardProps {
  project: Project;
  onRestore: (project: Project) => void;
  restoring: boolean;
}

export function DeletedProjectCard({ project, onRestore, restoring }: DeletedProjectCardProps) {
  const { t, formatDate } = useI18n();
  return (
    <li className="card project-card project-card--deleted" data-testid="deleted-project-card" aria-label={project.title}>
      <h3 className="card__title">{project.title}</h3>
      {project.purgeAt && <p className="project-card__meta">{t('projects.purgeOn', { date: formatDate(project.purgeAt, true) })}</p>}
      <div className="project-card__actions">
        <Button small variant="primary" busy={restoring} onClick={() => onRestore(project)}>
          {t('projects.restore')}
        </Button>
      </div>
    </li>
  );
}
