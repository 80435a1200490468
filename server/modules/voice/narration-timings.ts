import type { Step } from '../../../contracts/steps.ts';
import type { NarrationTimingsResult } from '../../../contracts/voice-api.ts';
import { timeByReadingSpeed } from './reading-speed.ts';
import { hasWords, readStage4 } from './stage4-state.ts';

/**
 * The timings captions and the render follow, from a project's steps: step 4's narration when
 * there is one (its own words, even if the script was edited afterwards: captions must match
 * what is heard); otherwise (stage 4 skipped, or no audio yet) scene and word times by reading
 * speed over the current script: stage 4's copy unless stage 3 changed since, else step 3's.
 */
export function narrationTimingsFor(steps: Step[]): NarrationTimingsResult {
  const state = readStage4(steps);
  const skipped = Boolean(state.step?.skipReason) && !state.step?.completedAt;
  if (!skipped && state.audio && state.audio.segments.length > 0) {
    return {
      source: 'narration',
      audioAssetId: state.audio.assetId,
      language: state.language,
      durationSec: state.audio.durationSec,
      segments: state.audio.segments,
    };
  }
  const scenes = (state.script && !state.scriptStale ? state.script.scenes : (state.finalScript?.scenes ?? state.script?.scenes ?? [])).filter((s) =>
    hasWords(s.text),
  );
  const timings = timeByReadingSpeed(
    scenes.map(({ id, text }) => ({ id, text })),
    state.language,
    { pauseSec: state.voice.pauseSec },
  );
  return { source: 'reading-speed', audioAssetId: null, language: state.language, ...timings };
}
