import { MAKE_STAGES } from '../contracts/make-video.ts';

/** Render steps as the stages the CLI shows: everything before encoding is the visuals. */
export const RENDER_STEPS_OF_VISUALS = new Set(['preparing', 'validating', 'preparing visuals', 'writing captions']);

export interface CliProgress {
  stage: 'script' | 'voice' | 'visuals' | 'render';
  fraction: number;
  detail?: string;
}

/** A render job's progress as the CLI's stages: visuals take its first tenth, the encoder the rest. */
export function renderProgressOf(fraction: number, step: string | null): CliProgress {
  const visuals = Boolean(step && RENDER_STEPS_OF_VISUALS.has(step));
  return visuals
    ? { stage: 'visuals', fraction: fraction / 0.1, detail: step ?? undefined }
    : { stage: 'render', fraction: (fraction - 0.1) / 0.9, detail: step ?? undefined };
}

/**
 * The server's video.make job ("voice: synthesising scene 2", 0.31 of the whole) as the CLI's
 * stages: the storyboard counts as visuals, and the render inside it is split as above.
 */
export function makeProgressOf(progress: number, step: string | null): CliProgress {
  const [prefix = '', ...rest] = (step ?? '').split(':');
  const detail = rest.join(':').trim() || null;
  const stage = MAKE_STAGES.find((s) => s.key === prefix.trim()) ?? [...MAKE_STAGES].reverse().find((s) => progress >= s.from) ?? MAKE_STAGES[0];
  const within = Math.min(1, Math.max(0, (progress - stage.from) / (stage.to - stage.from)));
  switch (stage.key) {
    case 'storyboard':
      return { stage: 'visuals', fraction: 0, detail: detail ?? undefined };
    case 'render':
      // Before the render job reports its own step it is still preparing the visuals.
      return detail ? renderProgressOf(within, detail) : { stage: 'visuals', fraction: 0 };
    default:
      return { stage: stage.key, fraction: within, detail: detail ?? undefined };
  }
}
