import { DeletedProjectsBoard } from '../../features/projects/components/DeletedProjectsBoard.tsx';
import { ProjectsBoard } from '../../features/projects/components/ProjectsBoard.tsx';

export const ProjectsPage = () => <ProjectsBoard />;
export const DeletedProjectsPage = () => <DeletedProjectsBoard />;
