import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { stageName } from '../../../i18n/stage-text.ts';
import { LAST_STAGE, isStageNumber, type Project } from '../../../lib/domain.ts';
import { paths } from '../../../lib/paths.ts';
import { InlineTitle } from './InlineTitle.tsx';

interface ProjectCardProps {
  project: Project;
  onDelete: (project: Project) => void;
  deleting: boolean;
}

export function ProjectCard({ project, onDelete, deleting }: ProjectCardProps) {
  const { t, formatDate } = useI18n();
  const [editing, setEditing] = useState(false);
  const stage = project.currentStage;
  const progress = Math.round(((project.maxStage - 1) / (LAST_STAGE - 1)) * 100);

  return (
    <li className="card project-card" data-testid="project-card" aria-label={project.title}>
      <div className="project-card__head">
        <InlineTitle project={project} editing={editing} onDone={() => setEditing(false)} />
        <Badge tone={project.status === 'draft' ? 'muted' : 'accent'}>{t(`status.${project.status}`)}</Badge>
      </div>
      <p className="project-card__stage">
        {t('projects.stageOf', { n: stage, total: LAST_STAGE, name: isStageNumber(stage) ? stageName(t, stage) : '' })}
      </p>
      <div className="progress" aria-hidden="true">
        <span className="progress__bar" style={{ width: `${progress}%` }} />
      </div>
      <p className={project.summary ? 'project-card__summary' : 'project-card__summary muted'}>{project.summary ?? t('projects.noSummary')}</p>
      <p className="project-card__meta muted">{t('projects.updated', { date: formatDate(project.updatedAt, true) })}</p>
      <div className="project-card__actions">
        <Link className="btn btn--primary btn--small" to={paths.stage(project.id, stage)}>
          {t('projects.open')}
        </Link>
        {!editing && (
          <Button small variant="ghost" onClick={() => setEditing(true)}>
            {t('projects.rename')}
          </Button>
        )}
        <Button small variant="ghost" className="btn--danger-text" busy={deleting} aria-label={t('projects.deleteLabel', { title: project.title })} onClick={() => onDelete(project)}>
          {t('projects.delete')}
        </Button>
      </div>
    </li>
  );
}
