import type { StageNumber } from '../lib/domain.ts';
import type { Translate } from './i18n.tsx';

export const stageName = (t: Translate, stage: StageNumber) => t(`stage.${stage}.name`);
export const stageAbout = (t: Translate, stage: StageNumber) => t(`stage.${stage}.about`);
