import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorNotice } from '../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { MakeProgress } from '../../features/make/components/MakeProgress.tsx';
import { useProject } from '../../features/projects/hooks/useProjects.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { http } from '../../lib/http.ts';
import { isActive, useJobEvents, type Job } from '../../lib/job-events.ts';
import { makeKeys, useLatestMakeJob, useStartMakeVideo } from '../../lib/make-video.ts';
import { paths } from '../../lib/paths.ts';
import { queryKeys } from '../../lib/query-keys.ts';

/** /projects/:id/make: the progress of "make video", ending on stage 7 with the finished video. */
export function MakePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const project = useProject(id);
  const latest = useLatestMakeJob(id);
  const restart = useStartMakeVideo(id);
  const saved = latest.data ?? null;
  const live = useJobEvents(isActive(saved) ? saved!.id : null);
  const job = live && live.id === saved?.id ? live : saved;
  const cancel = useMutation({
    mutationFn: (jobId: string) => http.post<Job>(`/api/jobs/${encodeURIComponent(jobId)}/cancel`),
    onSuccess: (cancelled) => queryClient.setQueryData(makeKeys.latest(id), cancelled),
  });

  useEffect(() => {
    if (!job || isActive(job)) return;
    // Every stage changed: what the screens show is read again.
    void queryClient.invalidateQueries({ queryKey: queryKeys.project(id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.projectLists });
    if (job.state === 'succeeded') void navigate(paths.stage(id, 7), { replace: true, state: { showVideo: true } });
  }, [job, id, navigate, queryClient]);

  if (project.isPending || latest.isPending) return <Loading />;
  if (project.isError) return <ErrorNotice error={project.error} />;
  if (latest.isError) return <ErrorNotice error={latest.error} onRetry={() => void latest.refetch()} />;

  return (
    <div className="project make-page stack-lg">
      <Link to={paths.stage(id, project.data.currentStage)} className="back-link">
        ← {project.data.title}
      </Link>
      {job ? (
        <MakeProgress
          projectId={id}
          job={job}
          cancelling={cancel.isPending}
          onCancel={() => cancel.mutate(job.id)}
          retrying={restart.isPending}
          onRetry={() => restart.mutate({})}
        />
      ) : (
        <p className="muted">{t('make.none')}</p>
      )}
      {restart.isError && <ErrorNotice error={restart.error} />}
      {cancel.isError && <ErrorNotice error={cancel.error} />}
    </div>
  );
}
