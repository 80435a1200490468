/** The stage registry: the stage number is the contract between screens, API, CLI and workers. */
export const STAGES = [
  { number: 1, key: 'source', skippable: false, derivesFrom: [] },
  { number: 2, key: 'content', skippable: false, derivesFrom: [1] },
  { number: 3, key: 'script', skippable: false, derivesFrom: [2] },
  { number: 4, key: 'voice', skippable: true, derivesFrom: [3] },
  { number: 5, key: 'avatar', skippable: true, derivesFrom: [4] },
  { number: 6, key: 'storyboard', skippable: false, derivesFrom: [3, 4] },
  { number: 7, key: 'render', skippable: false, derivesFrom: [3, 4, 6] },
  { number: 8, key: 'performance', skippable: false, derivesFrom: [7] },
] as const;

export type StageNumber = (typeof STAGES)[number]['number'];
export type StageKey = (typeof STAGES)[number]['key'];

export const FIRST_STAGE = 1;
export const LAST_STAGE = 8;

export function isStageNumber(value: unknown): value is StageNumber {
  return typeof value === 'number' && Number.isInteger(value) && value >= FIRST_STAGE && value <= LAST_STAGE;
}

export function stageInfo(stage: StageNumber) {
  const info = STAGES.find((s) => s.number === stage);
  if (!info) throw new Error(`unknown stage ${stage}`);
  return info;
}

export function isSkippable(stage: number): boolean {
  return STAGES.some((s) => s.number === stage && s.skippable);
}
