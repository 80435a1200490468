import { rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Aspect, FormatId, Language } from '../contracts/formats.ts';
import type { MusicChoice } from '../contracts/music.ts';
import type { TtsProviderId } from '../contracts/voice.ts';
import type { RenderOutputs } from '../contracts/render-api.ts';
import type { QualityPreset } from '../contracts/render-plan.ts';
import { generatedScriptSchema } from '../contracts/script.ts';
import { articleContent } from '../contracts/sources.ts';
import type { Step } from '../contracts/steps.ts';
import type { Job } from '../contracts/jobs.ts';
import type { Backend } from './backend.ts';
import { makeProgressOf, renderProgressOf } from './make-progress.ts';
import { bestChoices } from '../server/modules/make/make-plan.ts';
import { CliError, usageError } from './cli-error.ts';
import type { SourceInput } from './input.ts';
import type { Reporter } from './reporter.ts';

export interface MakeOptions {
  /** The video's path, or a function naming it from the project's title (batch). */
  output: string | ((title: string) => string);
  language?: Language;
  format?: FormatId;
  durationSec?: number;
  aspect: Aspect;
  /** An espeak-ng voice id ("en-us"), or provider:voice ("elevenlabs:21m00Tcm4TlvDq8ikWAM"). */
  voice?: string;
  /** Music under the voice: a mood, 'off', 'auto' (chosen from format and tone, the default) or an audio file. */
  music?: { choice: MusicChoice } | { file: string };
  quality?: QualityPreset;
}

export interface MakeResult {
  projectId: string;
  title: string;
  language: Language;
  format: FormatId;
  video: string;
  srt: string | null;
  durationSec: number;
  bytes: number;
  scenes: number;
}

/** The captions next to the video: out.mp4 -> out.srt. */
export const srtPathFor = (video: string) => join(dirname(video), `${basename(video, extname(video)) || basename(video)}.srt`);

const stepOf = (steps: Step[], n: number) => steps.find((s) => s.stepNumber === n);
const now = () => new Date().toISOString();

/** Writes `to` only complete: copied under a temporary name in the same directory, then renamed. */
async function place(backend: Backend, asset: RenderOutputs['video'], to: string): Promise<void> {
  const temporary = join(dirname(to), `.${basename(to)}.${process.pid}.partial`);
  try {
    await backend.download(asset, temporary);
    await rename(temporary, to);
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * The whole pipeline: import, analysis, a script with the best-scored variant of every scene,
 * narration, visuals and render; on a server by its "make video" job, in this process stage by
 * stage. Either way the project reads the same afterwards in the web app.
 */
export async function makeVideo(backend: Backend, input: SourceInput, options: MakeOptions, reporter: Reporter): Promise<MakeResult> {
  reporter.progress('import', 0, input.label);
  const article = await backend.importSource(input.body);
  reporter.progress('import', 1, article.title);

  reporter.progress('analyse', 0);
  const analysis = await backend.analyse({ text: article.text, title: article.title, language: options.language, publishedAt: article.publishedAt });
  const language = options.language ?? analysis.language;
  const format = options.format ?? analysis.recommendedFormat;
  const voice = await chooseVoice(backend, language, options.voice);
  const project = await backend.createProject((article.title || input.fileName || 'Video').slice(0, 200));
  await backend.applySource(project.id, {
    sourceType: input.body.url && input.body.html === undefined ? 'url' : 'text',
    ...(input.body.url ? { url: input.body.url } : {}),
    text: article.text,
    ...(input.fileName ? { fileName: input.fileName } : {}),
    content: articleContent(article),
    format,
    language,
    ...(options.durationSec ? { targetDurationSec: options.durationSec } : {}),
  });
  if (article.images.length > 0 || article.leadImage) {
    const pictures = await backend.importArticlePictures(project.id);
    reporter.progress('import', 1, `${pictures.usable} of ${pictures.imported + pictures.skipped.length} pictures usable`);
  }
  reporter.progress('analyse', 1, `score ${analysis.score}, ${format}`);
  const job = backend.makeVideo
    ? await makeOnServer(backend, project.id, voice, options, reporter)
    : await makeStageByStage(backend, project.id, voice, options, reporter);
  const outputs = (await backend.renderState(project.id)).outputs;
  if (!outputs) throw new CliError(`the job ${job.id} finished without a video`);
  reporter.progress('render', 1, 'saving');
  const output = typeof options.output === 'string' ? options.output : options.output(project.title);
  await place(backend, outputs.video, output);
  const srt = outputs.srt ? srtPathFor(output) : null;
  if (outputs.srt && srt) await place(backend, outputs.srt, srt);
  reporter.finish();
  const finalScript = stepOf(await backend.steps(project.id), 3)?.data.finalScript as { scenes?: unknown[] } | undefined;
  return {
    projectId: project.id,
    title: project.title,
    language,
    format,
    video: output,
    srt,
    durationSec: outputs.durationSec,
    bytes: outputs.video.sizeBytes,
    scenes: finalScript?.scenes?.length ?? 0,
  };
}

type Voice = { provider: TtsProviderId; voiceId: string };

/**
 * On a server: the voice and music asked for are stored first, then the server's "make video"
 * job (the web app's one click) does script, voice, storyboard and render; its progress is shown.
 */
async function makeOnServer(backend: Backend, projectId: string, voice: Voice, options: MakeOptions, reporter: Reporter): Promise<Job> {
  await backend.mergeStep(projectId, 4, { data: { voice } });
  const music = await musicStepData(backend, projectId, options.music);
  if (Object.keys(music).length > 0) await backend.mergeStep(projectId, 6, { data: music });
  reporter.progress('script', 0);
  return backend.makeVideo!(projectId, { aspect: options.aspect, quality: options.quality ?? 'standard' }, (fraction, step) => {
    const shown = makeProgressOf(fraction, step);
    reporter.progress(shown.stage, shown.fraction, shown.detail);
  });
}

/** In this process: each stage's job in turn, the stages completed as the screens would. */
async function makeStageByStage(backend: Backend, projectId: string, voice: Voice, options: MakeOptions, reporter: Reporter): Promise<Job> {
  await backend.mergeStep(projectId, 2, { completedAt: now() });
  await backend.changeStage(projectId, 3);

  reporter.progress('script', 0);
  await backend.generateScript(projectId, (fraction, step) => reporter.progress('script', fraction, step ?? undefined));
  const generated = generatedScriptSchema.safeParse(stepOf(await backend.steps(projectId), 3)?.data.generatedVariants);
  if (!generated.success) throw new CliError('the script job finished without a script');
  // The same picks as the server's fast path: never a place to fill in ("[add a fact: ...]").
  const choices = bestChoices({ generatedVariants: generated.data });
  await backend.saveFinalScript(projectId, { choices, complete: true });
  await backend.changeStage(projectId, 4);
  const step3 = stepOf(await backend.steps(projectId), 3)!;
  const scenes = (step3.data.finalScript as { scenes: Array<{ id: string; text: string; role?: string }> }).scenes;
  reporter.progress('script', 1, `${scenes.length} scenes`);

  reporter.progress('voice', 0, `${voice.provider}:${voice.voiceId}`);
  await backend.mergeStep(projectId, 4, {
    data: { script: { scenes, sourceVersion: step3.version, base: scenes.map(({ id, text }) => ({ id, text })) }, voice },
    derivedFrom: { '3': step3.version },
  });
  await backend.narrate(projectId, (fraction, step) => reporter.progress('voice', fraction, step ?? undefined));
  await backend.mergeStep(projectId, 4, { completedAt: now() });
  await backend.changeStage(projectId, 5);
  await backend.skipStep(projectId, 5, 'Made with the command line: no avatar');
  const stock = await backend.fillWithStock(projectId);
  if (stock.configured) reporter.progress('visuals', 0, `${stock.filled.length} scenes with a Pexels photo`);
  await backend.mergeStep(projectId, 6, { data: await musicStepData(backend, projectId, options.music), completedAt: now() });
  await backend.changeStage(projectId, 7);
  reporter.progress('voice', 1);

  reporter.progress('visuals', 0);
  return backend.render(projectId, { aspect: options.aspect, quality: options.quality ?? 'standard' }, (fraction, step) => {
    const shown = renderProgressOf(fraction, step);
    reporter.progress(shown.stage, shown.fraction, shown.detail);
  });
}

/** Step 6's music as the command line asked for it: a mood, off, or an uploaded track; nothing for automatic. */
async function musicStepData(backend: Backend, projectId: string, music: MakeOptions['music']): Promise<Record<string, unknown>> {
  if (!music) return {};
  if ('choice' in music) return { music: { mood: music.choice } };
  const asset = await backend.uploadMusic(projectId, music.file);
  return { music: { assetId: asset.id } };
}

/** The voice for narration: the one asked for (checked against the catalogue), else the language's default. */
async function chooseVoice(backend: Backend, language: Language, wanted: string | undefined): Promise<{ provider: TtsProviderId; voiceId: string }> {
  const catalog = await backend.voices(language);
  if (!wanted) {
    // The most natural offline voice: festival's when installed, else espeak-ng's.
    const offline = (provider: TtsProviderId) => catalog.voices.find((v) => v.provider === provider && v.language === language);
    const fallback = offline('festival') ?? offline('espeak') ?? catalog.voices[0];
    if (!fallback) throw new CliError(`no voice speaks ${language}`);
    return { provider: fallback.provider, voiceId: fallback.id };
  }
  const [provider, id] = wanted.includes(':') ? (wanted.split(/:(.*)/s) as [string, string]) : ['espeak', wanted];
  const found = catalog.voices.find((v) => v.provider === provider && v.id === id);
  if (!found) {
    const known = catalog.voices.filter((v) => v.provider === provider).map((v) => v.id);
    const hint = known.length ? `voices for ${language}: ${known.slice(0, 12).join(', ')}` : `provider ${provider} has no voices here (not configured?)`;
    throw usageError(`unknown voice "${wanted}"; ${hint}`);
  }
  if (found.unavailable) throw usageError(`the voice "${wanted}" cannot be used: ${found.unavailable.message}`);
  return { provider: found.provider, voiceId: found.id };
}
