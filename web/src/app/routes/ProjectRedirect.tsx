import { Navigate, useParams } from 'react-router';
import { useProject } from '../../features/projects/hooks/useProjects.ts';
import { paths } from '../../lib/paths.ts';
import { Loading } from '../../components/ui/Loading.tsx';
import { ProjectMissing } from './ProjectMissing.tsx';

/** /projects/:id opens the stage the project is at. */
export function ProjectRedirect() {
  const { id = '' } = useParams();
  const project = useProject(id);
  if (project.isPending) return <Loading />;
  if (project.isError) return <ProjectMissing error={project.error} onRetry={() => void project.refetch()} />;
  return <Navigate to={paths.stage(id, project.data.currentStage)} replace />;
}
