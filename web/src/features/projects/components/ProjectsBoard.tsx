import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { PROJECT_STATUSES, type Project, type ProjectStatus } from '../../../lib/domain.ts';
import { useDeleteProject, useProjectList, useRestoreProject } from '../hooks/useProjects.ts';
import { CreateProjectForm } from './CreateProjectForm.tsx';
import { ProjectCard } from './ProjectCard.tsx';
import { StatusFilter } from './StatusFilter.tsx';

const asStatus = (value: string | null): ProjectStatus | undefined =>
  PROJECT_STATUSES.find((s) => s === value);

/** The dashboard: create, filter by status, open, rename and delete projects. */
export function ProjectsBoard() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = asStatus(params.get('status'));
  const list = useProjectList({ status, deleted: false });
  const remove = useDeleteProject();
  const restore = useRestoreProject();
  const [lastDeleted, setLastDeleted] = useState<Project | null>(null);

  const onStatus = (next: ProjectStatus | undefined) => setParams(next ? { status: next } : {}, { replace: true });
  const onDelete = (project: Project) => remove.mutate(project, { onSuccess: () => setLastDeleted(project) });
  const undo = (project: Project) => restore.mutate(project, { onSuccess: () => setLastDeleted(null) });

  return (
    <section className="stack-lg" aria-labelledby="projects-heading">
      <div className="page-head">
        <h1 id="projects-heading">{t('projects.title')}</h1>
        <CreateProjectForm />
      </div>
      <StatusFilter value={status} onChange={onStatus} />
      {lastDeleted && (
        <Notice
          tone="info"
          actions={
            <Button small onClick={() => undo(lastDeleted)} busy={restore.isPending}>
              {t('projects.restore')}
            </Button>
          }
        >
          {t('projects.deleted', { title: lastDeleted.title })}
        </Notice>
      )}
      {remove.isError && <ErrorNotice error={remove.error} />}
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && <p className="empty">{status ? t('projects.emptyFiltered') : t('projects.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="card-grid">
          {list.data.map((project) => (
            <ProjectCard key={project.id} project={project} onDelete={onDelete} deleting={remove.isPending && remove.variables?.id === project.id} />
          ))}
        </ul>
      )}
    </section>
  );
}
