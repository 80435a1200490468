/** The render core: what the render service, job handler, CLI and preview route use. */
export { validateRenderPlan, RenderPlanError } from './validate-plan.ts';
export type { CheckedPlan, PlanIssue } from './validate-plan.ts';
export { renderVideo } from './render-video.ts';
export type { RenderProgress, RenderResult, RenderStep, RenderVideoOptions } from './render-video.ts';
export { renderPreviewFrame } from './preview.ts';
export { renderCard, renderCardLayers } from './card.ts';
export type { CardOptions } from './card.ts';
export { cardTextFromScene } from './card-text.ts';
export { cardHeadline } from './prepare-sources.ts';
export { buildAssSubtitles } from './captions-ass.ts';
export { buildSrt, buildVtt } from './captions-srt.ts';
export { layoutCaptionLines, captionSafeArea } from './caption-lines.ts';
export type { CaptionLine } from './caption-lines.ts';
export { readingDurationSec, wordsByReadingSpeed } from './reading-timings.ts';
export { X264_SETTINGS } from './render-args.ts';
export { FONTS_DIR } from './fonts.ts';
export { extractFrame, writeThumbnail } from '../../adapters/ffmpeg/frames.ts';
