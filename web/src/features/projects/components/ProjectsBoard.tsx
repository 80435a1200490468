import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { PROJECT_STATUSES, type Project, type ProjectStatus } from '../../../lib/domain.ts';
import { PROJECT_WORK_STATES, type ProjectWork } from '../api/projects.ts';
import { useDeleteProject, useProjectCards, useRestoreProject } from '../hooks/useProjects.ts';
import { CreateProjectForm } from './CreateProjectForm.tsx';
import { ProjectCard } from './ProjectCard.tsx';
import { StatusFilter } from './StatusFilter.tsx';
import { WorkFilter } from './WorkFilter.tsx';

const asStatus = (value: string | null): ProjectStatus | undefined =>
  PROJECT_STATUSES.find((s) => s === value);
const asWork = (value: string | null): ProjectWork | undefined => PROJECT_WORK_STATES.find((w) => w === value);
const SEARCH_DELAY_MS = 300;

/** The dashboard: create, search and filter (status, video), open, rename and delete projects. */
export function ProjectsBoard() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = asStatus(params.get('status'));
  const work = asWork(params.get('work'));
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const list = useProjectCards({ status, work, q });
  const remove = useDeleteProject();
  const restore = useRestoreProject();
  const [lastDeleted, setLastDeleted] = useState<Project | null>(null);

  const setParam = (name: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  // The search follows the typing once it pauses.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (typed.trim() !== q) setParam('q', typed.trim() || undefined);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  });
  const onDelete = (project: Project) => remove.mutate(project, { onSuccess: () => setLastDeleted(project) });
  const undo = (project: Project) => restore.mutate(project, { onSuccess: () => setLastDeleted(null) });

  return (
    <section className="stack-lg" aria-labelledby="projects-heading">
      <div className="page-head">
        <h1 id="projects-heading">{t('projects.title')}</h1>
        <CreateProjectForm />
      </div>
      <div className="projects-filters">
        <input
          className="input projects-filters__search"
          type="search"
          aria-label={t('projects.search')}
          placeholder={t('projects.searchPlaceholder')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <StatusFilter value={status} onChange={(next) => setParam('status', next)} />
        <WorkFilter value={work} onChange={(next) => setParam('work', next)} />
      </div>
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
      {list.data?.length === 0 && <p className="empty">{q || work ? t('projects.emptySearch') : status ? t('projects.emptyFiltered') : t('projects.empty')}</p>}
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
