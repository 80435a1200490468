import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaImportResult, Transcript } from '../../../contracts/media-sources.ts';
import { SafeFetchError } from '../../adapters/http/safe-fetch-error.ts';
import { TranscriptionError } from '../../adapters/stt/types.ts';
import { VideoPageError } from '../../adapters/video-pages/yt-dlp.ts';
import { AppError } from '../../http/errors.ts';
import type { AssetsService } from '../assets/assets.service.ts';
import { inspectUpload } from '../assets/inspect-upload.ts';
import type { JobContext } from '../jobs/job-handlers.ts';
import { PermanentJobError } from '../jobs/job-handlers.ts';
import { fetchMedia } from './fetch-media.ts';
import { writeSpeechAudio } from './speech-audio.ts';
import type { Transcribers } from './transcribers.ts';

export interface MediaImportDeps {
  assets: AssetsService;
  transcribers: Transcribers;
  tempDir: string;
  /** FETCH_ALLOW_PRIVATE_HOSTS: test servers only, empty in production. */
  allowPrivateHosts: readonly string[];
  ytDlpPath?: string;
}

/** Progress with a step name written only when the step changes (the worker writes a named step at once). */
function reporter(ctx: JobContext<'media.import'>) {
  let lastStep: string | null = null;
  return (fraction: number, step: string) => {
    ctx.progress(fraction, step === lastStep ? undefined : step);
    lastStep = step;
  };
}

/**
 * A video/audio source: downloaded from a URL (stored as a "source" asset) or an uploaded one,
 * then transcribed when a transcriber is configured; the transcript (words with their times) is
 * kept in the asset's meta. Download and transcription failures a retry cannot fix end the job
 * with a message that says why; a cancelled job leaves no files.
 */
export async function runMediaImportJob(deps: MediaImportDeps, ctx: JobContext<'media.import'>): Promise<MediaImportResult> {
  const ownerId = ctx.ownerId!;
  const progress = reporter(ctx);
  await mkdir(deps.tempDir, { recursive: true });
  const assetId = ctx.payload.url ? await download(deps, ctx, ctx.payload.url, progress) : ctx.payload.assetId!;
  const asset = await deps.assets.get({ userId: ownerId, via: 'token' }, assetId);
  if (asset.kind !== 'source' || asset.projectId !== ctx.payload.projectId) throw new PermanentJobError('The file is not a video or audio source of this project');
  const title = typeof asset.meta.title === 'string' ? asset.meta.title : (asset.originalName?.replace(/\.[a-z0-9]+$/i, '') ?? null);
  const existing = asset.meta.transcript as Transcript | undefined;
  if (existing) return { assetId, title, transcript: existing, transcriptionNote: null };

  const choice = await deps.transcribers.forUser(ownerId);
  if (!choice.transcriber) return { assetId, title, transcript: null, transcriptionNote: choice.reason };
  progress(0.5, 'transcribing');
  const speech = join(deps.tempDir, `speech-${randomUUID()}.wav`);
  try {
    const { path } = await deps.assets.fileOf(ownerId, assetId);
    const durationSec = typeof asset.meta.durationSec === 'number' ? asset.meta.durationSec : undefined;
    await writeSpeechAudio(path, speech, { signal: ctx.signal, durationSec, onProgress: (f) => progress(0.5 + f * 0.1, 'transcribing') });
    const transcript = await choice.transcriber.transcribe(speech, { signal: ctx.signal });
    if (!transcript.text.trim()) return { assetId, title, transcript: null, transcriptionNote: 'The transcriber heard no speech in this file. Paste the transcript below, or write the text yourself.' };
    await deps.assets.mergeMeta(ownerId, assetId, { transcript });
    progress(1, 'transcribed');
    return { assetId, title, transcript, transcriptionNote: null };
  } catch (error) {
    if (error instanceof TranscriptionError) return { assetId, title, transcript: null, transcriptionNote: `${error.message}. Paste the transcript below, or try again later.` };
    throw error;
  } finally {
    await rm(speech, { force: true });
  }
}

async function download(deps: MediaImportDeps, ctx: JobContext<'media.import'>, url: string, progress: (fraction: number, step: string) => void): Promise<string> {
  const file = join(deps.tempDir, `source-${randomUUID()}`);
  try {
    const fetched = await fetchMedia(url, file, {
      allowPrivateHosts: deps.allowPrivateHosts,
      ytDlpPath: deps.ytDlpPath,
      signal: ctx.signal,
      onProgress: (fraction, step) => progress(fraction * 0.45, step),
    });
    progress(0.45, 'checking the file');
    const inspected = await inspectUpload(file, 'source');
    const name = new URL(fetched.downloadedFrom).pathname.split('/').pop() || null;
    const asset = await deps.assets.storeFile({
      ownerId: ctx.ownerId!,
      projectId: ctx.payload.projectId,
      kind: 'source',
      file,
      mime: inspected.mime,
      ext: inspected.ext,
      meta: { ...inspected.meta, sourceUrl: url, downloadedFrom: fetched.downloadedFrom, ...(fetched.title ? { title: fetched.title } : {}) },
      originalName: fetched.title ?? name,
      move: true,
    });
    return asset.id;
  } catch (error) {
    if (error instanceof SafeFetchError) throw new PermanentJobError(`The media could not be downloaded: ${error.message}`);
    if (error instanceof VideoPageError) throw new PermanentJobError(error.message);
    if (error instanceof AppError) throw new PermanentJobError(`The downloaded file cannot be used: ${error.message}`);
    throw error;
  } finally {
    await rm(file, { force: true });
  }
}
