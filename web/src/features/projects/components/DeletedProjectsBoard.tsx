import { useState } from 'react';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Project } from '../../../lib/domain.ts';
import { useProjectList, useRestoreProject } from '../hooks/useProjects.ts';
import { DeletedProjectCard } from './DeletedProjectCard.tsx';

/** Projects deleted in the last 7 days, each with its purge date and a restore button. */
export function DeletedProjectsBoard() {
  const { t } = useI18n();
  const list = useProjectList({ deleted: true });
  const restore = useRestoreProject();
  const [restored, setRestored] = useState<Project | null>(null);

  const onRestore = (project: Project) => restore.mutate(project, { onSuccess: () => setRestored(project) });

  return (
    <section className="stack-lg" aria-labelledby="deleted-heading">
      <div className="page-head">
        <div>
          <h1 id="deleted-heading">{t('projects.deletedTitle')}</h1>
          <p className="muted">{t('projects.deletedHint')}</p>
        </div>
      </div>
      {restored && <Notice tone="success">{t('projects.restored', { title: restored.title })}</Notice>}
      {restore.isError && <ErrorNotice error={restore.error} />}
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && <p className="empty">{t('projects.deletedEmpty')}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="card-grid">
          {list.data.map((project) => (
            <DeletedProjectCard key={project.id} project={project} onRestore={onRestore} restoring={restore.isPending && restore.variables?.id === project.id} />
          ))}
        </ul>
      )}
    </section>
  );
}
