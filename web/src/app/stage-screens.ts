import type { ComponentType } from 'react';
import { ContentStage } from '../features/content/components/ContentStage.tsx';
import { ScriptStage } from '../features/script/components/ScriptStage.tsx';
import { SourceStage } from '../features/source/components/SourceStage.tsx';
import { RenderStage } from '../features/render/components/RenderStage.tsx';
import { PlaceholderStage } from '../components/stage/PlaceholderStage.tsx';
import { VoiceStage } from '../features/voice/components/VoiceStage.tsx';
import { StoryboardStage } from '../features/storyboard/components/StoryboardStage.tsx';
import { AvatarStage } from '../features/avatar/components/AvatarStage.tsx';
import { PerformanceStage } from '../features/performance/components/PerformanceStage.tsx';
import type { StageNumber } from '../lib/domain.ts';
import type { StageScreenProps } from '../lib/stage-screen.ts';

/**
 * The screen of each stage. A stage's real screen lives in its own feature folder
 * (features/<stage-domain>/) and is added here with one line; until then the placeholder shows
 * the saved data, what the stage will do, completion and a JSON editor.
 */
const STAGE_SCREENS: Partial<Record<StageNumber, ComponentType<StageScreenProps>>> = {
  1: SourceStage,
  2: ContentStage,
  3: ScriptStage,
  4: VoiceStage,
  5: AvatarStage,
  6: StoryboardStage,
  7: RenderStage,
  8: PerformanceStage,
};

export const stageScreen = (stage: StageNumber): ComponentType<StageScreenProps> => STAGE_SCREENS[stage] ?? PlaceholderStage;
