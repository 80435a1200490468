import type { Project, StageNumber, Step } from './domain.ts';

/**
 * What every stage screen receives from the project page. Each stage's screen lives in its own
 * feature folder and is registered in app/stage-screens.ts; screens do not import each other.
 */
export interface StageScreenProps {
  project: Project;
  stage: StageNumber;
  /** Every step of the project (a stage often reads the one before it). */
  steps: Step[];
  /** This stage's step, if anything was saved for it yet. */
  step: Step | undefined;
}
