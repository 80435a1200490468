import { useEffect, useRef } from 'react';
import type { Project } from '../../../lib/domain.ts';
import { useChangeStage } from './useChangeStage.ts';

/**
 * The URL says which stage the author is on; this makes the project's current stage follow it.
 * The server decides whether the move is allowed; a refusal is returned for the page to show.
 */
export function useStageSync(project: Project | undefined, stage: number) {
  const change = useChangeStage(project?.id ?? '');
  const requested = useRef<string | null>(null);
  const { mutate } = change;

  useEffect(() => {
    if (!project) return;
    const key = `${project.id}:${stage}`;
    if (project.currentStage === stage) {
      requested.current = key;
      return;
    }
    if (requested.current === key) return;
    requested.current = key;
    mutate(stage);
  }, [project, stage, mutate]);

  const forThisStage = change.variables === stage;
  return {
    refusal: forThisStage && change.isError ? change.error : null,
    moving: forThisStage && change.isPending,
  };
}
