import { ASPECTS, FORMATS, LANGUAGES } from '../../../contracts/formats.ts';
import { QUALITY_PRESETS } from '../../../contracts/render-plan.ts';
import { finalScriptSchema } from '../../../contracts/step-data.ts';
import type { Step } from '../../../contracts/steps.ts';
import { bestChoices } from '../make/make-plan.ts';
import { storedScript } from '../script/script-input.ts';
import { PLACEHOLDER } from '../writers/offline/checks.ts';
import type { McpOperations } from './mcp-operations.ts';

/* What the read-only tools answer, shaped for an agent from the same calls the web app makes. */

const stepOf = (steps: Step[], n: number) => steps.find((s) => s.stepNumber === n);

/** The scenes still holding a place for the author to fill ("[add a fact: ...]"), which the offline writer leaves where the source has too little. */
const unfilled = (scenes: Array<{ id: string; text: string }>) => scenes.filter((scene) => new RegExp(PLACEHOLDER.source, 'u').test(scene.text)).map((scene) => scene.id);

/** get_script: the final script when saved, else the generated one with the chosen (or best) variant per scene. */
export async function scriptOf(ops: McpOperations, projectId: string) {
  const steps = await ops.steps(projectId);
  const source = stepOf(steps, 1)?.data ?? {};
  const step3 = stepOf(steps, 3);
  const about = { projectId, format: source.format ?? null, language: source.language ?? null, stale: step3?.staleSources.includes(2) ?? false };
  const final = finalScriptSchema.safeParse(step3?.data.finalScript);
  if (step3 && final.success && final.data.scenes.length > 0) {
    const scenes = final.data.scenes.map(({ id, role, text }) => ({ id, role: role ?? null, text }));
    return { ...about, status: 'final' as const, scenes, unfilled: unfilled(scenes), totalWords: final.data.totalWords ?? null, durationSec: final.data.duration ?? null };
  }
  const generated = step3 ? storedScript(step3.data) : null;
  if (!step3 || !generated) return { ...about, status: 'none' as const, scenes: [], unfilled: [], totalWords: 0, durationSec: null };
  const choices = bestChoices(step3.data);
  const scenes = generated.scenes.map((scene) => {
    const choice = choices[scene.id];
    const text = choice?.text ?? scene.variants.find((v) => v.id === choice?.variantId)?.text ?? scene.variants[0]!.text;
    return { id: scene.id, role: scene.role, text, variants: scene.variants.map(({ id, style, text: variant, score }) => ({ id, style, text: variant, score })) };
  });
  return { ...about, status: 'draft' as const, scenes, unfilled: unfilled(scenes), totalWords: generated.totalWords, durationSec: generated.totalSeconds };
}

/** get_video_url: where the latest render's MP4 (and captions) can be downloaded, or why there is none yet. */
export async function videoOf(ops: McpOperations, projectId: string) {
  const state = await ops.renderState(projectId);
  const job = state.job ? { id: state.job.id, state: state.job.state, progress: state.job.progress, error: state.job.error } : null;
  if (!state.outputs) return { projectId, ready: false, renderJob: job, problems: state.problems };
  const { video, srt, durationSec, aspect, renderedAt } = state.outputs;
  return {
    projectId,
    ready: true,
    videoUrl: await ops.fileUrl(video),
    captionsUrl: srt ? await ops.fileUrl(srt) : null,
    mime: video.mime,
    sizeBytes: video.sizeBytes,
    durationSec,
    aspect,
    renderedAt,
    renderJob: job,
  };
}

/** get_performance: stage 8 as the step store holds it (publishing records and metrics), whatever its shape. */
export async function performanceOf(ops: McpOperations, projectId: string) {
  const step = stepOf(await ops.steps(projectId), 8);
  if (!step) return { projectId, recorded: false, data: null, completedAt: null, updatedAt: null, version: null };
  return { projectId, recorded: true, data: step.data, completedAt: step.completedAt, updatedAt: step.updatedAt, version: step.version };
}

/** list_formats: the video formats with their usual lengths, and the languages, aspects and qualities a video can have. */
export function formatsList() {
  return {
    formats: Object.entries(FORMATS).map(([id, range]) => ({ id, ...range })),
    languages: [...LANGUAGES],
    aspects: [...ASPECTS],
    qualities: [...QUALITY_PRESETS],
  };
}
