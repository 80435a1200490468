import { z } from 'zod';
import type { Aspect } from '../../../contracts/formats.ts';
import { stage5Schema } from '../../../contracts/step-data.ts';
import type { Step } from '../../../contracts/steps.ts';
import { narrationTimingsFor } from '../voice/narration-timings.ts';
import { sceneTexts } from '../storyboard/storyboard-view.ts';

/** Step 5 as this stage writes it: the contract's fields plus how the clip is made. */
export const stage5StateSchema = stage5Schema.extend({
  source: z.enum(['narration', 'script']).optional(),
  voiceId: z.string().optional(),
  /** The provider's id of the uploaded narration, so a retried job does not upload it again. */
  providerAudioId: z.string().optional(),
});
export type Stage5State = z.infer<typeof stage5StateSchema>;

export function readStage5(steps: Step[]): Stage5State {
  const parsed = stage5StateSchema.safeParse(steps.find((s) => s.stepNumber === 5)?.data ?? {});
  return parsed.success ? parsed.data : {};
}

/** The script as the provider's voice would speak it: scene by scene, as narrated when there is a narration. */
export function scriptTextOf(steps: Step[]): string {
  const texts = sceneTexts(steps);
  return narrationTimingsFor(steps)
    .segments.map((segment) => texts.get(segment.sceneId)?.trim() ?? '')
    .filter(Boolean)
    .join('\n\n');
}

/** The clip's size at the provider: the video's aspect at 720p (what every HeyGen plan allows); the render scales it. */
export function clipDimension(aspect: Aspect): { width: number; height: number } {
  if (aspect === '16:9') return { width: 1280, height: 720 };
  if (aspect === '1:1') return { width: 720, height: 720 };
  return { width: 720, height: 1280 };
}
