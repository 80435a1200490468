/** The API's types, re-exported from contracts/ for the web app (types only: no zod in these imports). */
export type { RegistrationAccepted, User } from '../../../contracts/auth.ts';
export type { Project } from '../../../contracts/projects.ts';
export type { Step, UpsertStepBody, MergeStepBody } from '../../../contracts/steps.ts';
export type { StageNumber, StageKey } from '../../../contracts/stages.ts';
export { STAGES, FIRST_STAGE, LAST_STAGE, isStageNumber, isSkippable } from '../../../contracts/stages.ts';
export { PROJECT_STATUSES } from './project-statuses.ts';
export type { ProjectStatus } from './project-statuses.ts';
