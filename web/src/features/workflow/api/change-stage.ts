import type { Project } from '../../../lib/domain.ts';
import { http } from '../../../lib/http.ts';

/** Moves the project to another stage; the server refuses (409) what the rules do not allow. */
export const changeStage = (projectId: string, stage: number) =>
  http.patch<Project>(`/api/projects/${encodeURIComponent(projectId)}/stage`, { stage });
