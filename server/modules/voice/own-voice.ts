import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Language } from '../../../contracts/formats.ts';
import type { SceneBoundary } from '../../../contracts/voice-api.ts';
import { MAX_TRUE_PEAK_DBTP, OWN_AUDIO_MAX_BYTES, TARGET_LOUDNESS_LUFS } from '../../../contracts/voice.ts';
import { decodeToPcm, TRACK_SAMPLE_RATE, writeWav } from '../../adapters/ffmpeg/audio.ts';
import { measureLoudness, normalizeLoudness, type LoudnessMeasurement } from '../../adapters/ffmpeg/loudness.ts';
import { multipartError } from '../../http/body-parsers.ts';
import { AppError } from '../../http/errors.ts';
import { NarrationInputError } from './errors.ts';
import { runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { convertOwnAudio, detectAudioKind, inspectOwnAudio, OwnAudioError, type OwnAudioInfo } from './own-audio.ts';
import { alignOwnAudio } from './own-alignment.ts';
import { joinWithGaps, trimSilence } from './pcm.ts';
import type { TextScene } from './reading-speed.ts';
import { round } from './word-timing.ts';

export const tooLargeAudio = () => new AppError('PAYLOAD_TOO_LARGE', `Own audio may be at most ${OWN_AUDIO_MAX_BYTES / 1024 / 1024} MB`);

function refusal(error: OwnAudioError): AppError {
  if (error.code === 'too-large') return tooLargeAudio();
  return new AppError('UNSUPPORTED_MEDIA_TYPE', `file: ${error.message}`, { field: 'file' });
}

/**
 * Streams an upload to a temporary file and checks it: at most 50 MB (413), an audio type judged
 * from the content (415; WebM only for in-browser recordings), a decodable stream and its duration.
 * The caller removes `file` in every case.
 */
export async function receiveOwnAudio(
  source: Readable & { truncated?: boolean },
  tempDir: string,
  options: { allowRecording: boolean },
): Promise<{ file: string; info: OwnAudioInfo }> {
  await mkdir(tempDir, { recursive: true });
  const file = join(tempDir, `own-audio-${randomUUID()}`);
  try {
    await pipeline(source, createWriteStream(file)).catch((error: { code?: string }) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLargeAudio();
      // The upload stream failed (a body cut short or malformed): the client's fault, not a disk error.
      throw source.errored === error ? multipartError(error) : error;
    });
    if (source.truncated) throw tooLargeAudio();
    if (options.allowRecording) await remuxRecording(file);
    const info = await inspectOwnAudio(file, { allowRecording: options.allowRecording }).catch((error: unknown) => {
      throw error instanceof OwnAudioError ? refusal(error) : error;
    });
    return { file, info };
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}

/**
 * MediaRecorder writes WebM as a stream, without a duration in its header; rewriting the container
 * (no re-encoding) adds it, so the recording can be probed like any upload. Other files are left as they are.
 */
async function remuxRecording(file: string): Promise<void> {
  const handle = await open(file, 'r');
  const head = Buffer.alloc(4096);
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const kind = await detectAudioKind(head, { allowRecording: true }).catch(() => null);
  if (kind?.kind !== 'webm') return;
  const remuxed = `${file}.remuxed.webm`;
  try {
    await runFfmpeg(['-y', '-i', file, '-vn', '-c:a', 'copy', '-f', 'webm', remuxed]);
    await rename(remuxed, file);
  } catch {
    // Left as received: inspection then says what is wrong with it.
  } finally {
    await rm(remuxed, { force: true });
  }
}

export interface PreparedTrack {
  file: string;
  samples: Float32Array;
  durationSec: number;
  loudness?: LoudnessMeasurement;
}

/** Own audio in the narration format: 48 kHz mono WAV at -14 LUFS; optionally with silence cut from both ends. */
export async function prepareOwnTrack(input: string, output: string, options: { trim?: boolean } = {}): Promise<PreparedTrack> {
  const converted = await convertOwnAudio(input, output);
  let samples = await decodeToPcm(output);
  if (options.trim) {
    const trimmed = trimSilence(samples, TRACK_SAMPLE_RATE, { leadPadSec: 0.05, tailPadSec: 0.1 });
    if (!trimmed) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'file: the recording is silent', { field: 'file' });
    samples = trimmed.samples;
    await writeWav(output, samples, TRACK_SAMPLE_RATE, 's16');
  }
  return { file: output, samples, durationSec: samples.length / TRACK_SAMPLE_RATE, loudness: converted.loudness };
}

/** Timings for own audio with the given scene boundaries, the script aligned to the recording; 400 when they overlap or leave the audio. */
export function timeOwnAudio(samples: Float32Array, scenes: TextScene[], boundaries: SceneBoundary[], durationSec: number, language: Language) {
  try {
    return alignOwnAudio(samples, scenes, boundaries, durationSec, language);
  } catch (error) {
    if (error instanceof NarrationInputError) throw new AppError('VALIDATION_FAILED', error.message, { issues: [{ path: 'boundaries', message: error.message }] });
    throw error;
  }
}

/**
 * One track from per-scene recordings (each already normalised and trimmed), joined with the
 * scene pause; corrected as a whole only when it misses -14 LUFS by more than 0.5 LU.
 */
export async function joinSceneRecordings(files: Array<{ sceneId: string; file: string }>, pauseSec: number, output: string) {
  const parts = await Promise.all(files.map((f) => decodeToPcm(f.file)));
  const pause = Math.round(pauseSec * TRACK_SAMPLE_RATE);
  const { samples, offsets } = joinWithGaps(parts, parts.map(() => pause));
  await writeWav(output, samples, TRACK_SAMPLE_RATE, 's16');
  let loudness = await measureLoudness(output);
  let track = samples;
  if (Math.abs(loudness.integratedLufs - TARGET_LOUDNESS_LUFS) > 0.5 || loudness.truePeakDbtp > MAX_TRUE_PEAK_DBTP) {
    const corrected = `${output}.corrected.wav`;
    loudness = (await normalizeLoudness(output, corrected, { integratedLufs: TARGET_LOUDNESS_LUFS, maxTruePeakDbtp: MAX_TRUE_PEAK_DBTP })).after;
    await rename(corrected, output);
    // Same length sample for sample, so the scene offsets stay true.
    track = new Float32Array(samples.length);
    track.set((await decodeToPcm(output)).subarray(0, samples.length));
    await writeWav(output, track, TRACK_SAMPLE_RATE, 's16');
  }
  const durationSec = Math.floor((track.length / TRACK_SAMPLE_RATE) * 1000) / 1000;
  const boundaries = files.map((f, i) => {
    const start = (offsets[i] ?? 0) / TRACK_SAMPLE_RATE;
    return { sceneId: f.sceneId, start: round(start), end: Math.min(durationSec, round(start + (parts[i]?.length ?? 0) / TRACK_SAMPLE_RATE)) };
  });
  return { samples: track, durationSec, boundaries, loudness };
}
