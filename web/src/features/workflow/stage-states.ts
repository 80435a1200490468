import { STAGES, type Project, type StageNumber, type Step } from '../../lib/domain.ts';

/** Where a stage stands; `isCurrent` and `stale` come on top (a done stage can be current and stale). */
export type StageProgress = 'done' | 'skipped' | 'current' | 'reached' | 'next' | 'locked';

export interface StageState {
  stage: StageNumber;
  progress: StageProgress;
  isCurrent: boolean;
  stale: boolean;
  staleSources: number[];
  step: Step | undefined;
}

const isFinished = (step: Step | undefined) => Boolean(step?.completedAt || step?.skipReason);

/**
 * The sidebar's view of the navigation rules the server enforces: any stage up to maxStage is
 * open; the one after it only once the current stage (which is then maxStage) is completed or skipped.
 */
export function stageStates(project: Pick<Project, 'currentStage' | 'maxStage'>, steps: readonly Step[]): StageState[] {
  const byNumber = new Map(steps.map((s) => [s.stepNumber, s]));
  const currentFinished = isFinished(byNumber.get(project.currentStage));
  return STAGES.map(({ number }) => {
    const step = byNumber.get(number);
    const isCurrent = number === project.currentStage;
    let progress: StageProgress;
    if (number > project.maxStage) {
      const reachable = number === project.maxStage + 1 && project.currentStage === project.maxStage && currentFinished;
      progress = reachable ? 'next' : 'locked';
    } else if (step?.completedAt) progress = 'done';
    else if (step?.skipReason) progress = 'skipped';
    else progress = isCurrent ? 'current' : 'reached';
    return { stage: number, progress, isCurrent, stale: step?.stale ?? false, staleSources: step?.staleSources ?? [], step };
  });
}
