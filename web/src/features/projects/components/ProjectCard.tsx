import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { stageName } from '../../../i18n/stage-text.ts';
import { LAST_STAGE, isStageNumber, type Project } from '../../../lib/domain.ts';
import type { ProjectCard as Card, ProjectWork } from '../api/projects.ts';
import { paths } from '../../../lib/paths.ts';
import { InlineTitle } from './InlineTitle.tsx';

interface ProjectCardProps {
  project: Card;
  onDelete: (project: Project) => void;
  deleting: boolean;
}

export function ProjectCard({ project, onDelete, deleting }: ProjectCardProps) {
  const { t, formatDate } = useI18n();
  const [editing, setEditing] = useState(false);
  const stage = project.currentStage;
  const progress = Math.round((project.stagesDone / (project.stageCount || LAST_STAGE)) * 100);

  return (
    <li className="card project-card" data-testid="project-card" aria-label={project.title}>
      <div className="project-card__head">
        <InlineTitle project={project} editing={editing} onDone={() => setEditing(false)} />
        <Badge tone={project.status === 'draft' ? 'muted' : 'accent'}>{t(`status.${project.status}`)}</Badge>
      </div>
      <div className="project-card__thumb" data-testid="project-thumb">
        {project.thumbnailUrl ? <img src={project.thumbnailUrl} alt="" loading="lazy" /> : <span aria-hidden="true">{project.title.trim().charAt(0).toUpperCase()}</span>}
        {project.work && <WorkBadge work={project.work} />}
      </div>
      <p className="project-card__stage">
        {t('projects.stageOf', { n: stage, total: LAST_STAGE, name: isStageNumber(stage) ? stageName(t, stage) : '' })}
      </p>
      <div className="progress" aria-hidden="true">
        <span className="progress__bar" style={{ width: `${progress}%` }} />
      </div>
      <p className="project-card__meta muted" data-testid="stages-done">
        {t('projects.stagesDone', { done: project.stagesDone, total: project.stageCount })}
      </p>
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

function WorkBadge({ work }: { work: ProjectWork }) {
  const { t } = useI18n();
  return (
    <span className={`project-card__work project-card__work--${work}`} data-testid="project-work">
      {t(`work.${work}`)}
    </span>
  );
}
