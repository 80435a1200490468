import { open, rename, rm, stat } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import { MAX_TRUE_PEAK_DBTP, OWN_AUDIO_KINDS, OWN_AUDIO_MAX_BYTES, TARGET_LOUDNESS_LUFS, type OwnAudioKind } from '../../../contracts/voice.ts';
import { TRACK_SAMPLE_RATE } from '../../adapters/ffmpeg/audio.ts';
import { normalizeLoudness, type LoudnessMeasurement } from '../../adapters/ffmpeg/loudness.ts';
import { probeMedia, type MediaInfo } from '../../adapters/ffmpeg/probe.ts';
import { runFfmpeg } from '../../adapters/ffmpeg/run.ts';

export type OwnAudioErrorCode = 'unsupported-type' | 'too-large' | 'unreadable' | 'empty';

/** A refused upload; the code maps to 415, 413 or 422 at the HTTP layer. */
export class OwnAudioError extends Error {
  constructor(
    readonly code: OwnAudioErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OwnAudioError';
  }
}

/** MediaRecorder in Chromium browsers writes WebM; accepted only for in-browser recordings. */
export type RecordedAudioKind = OwnAudioKind | 'webm';

const KIND_BY_EXTENSION: Record<string, RecordedAudioKind> = {
  mp3: 'mp3',
  wav: 'wav',
  m4a: 'm4a',
  mp4: 'm4a',
  ogg: 'ogg',
  oga: 'ogg',
  opus: 'ogg',
  webm: 'webm',
};

/** The header bytes file-type needs to recognise every accepted container. */
const SNIFF_BYTES = 64 * 1024;

/**
 * The audio type of some bytes, judged from the content only (never from a name or a declared
 * type). MP3, WAV, M4A and OGG are accepted; WebM too when `allowRecording` is set.
 */
export async function detectAudioKind(bytes: Uint8Array, options: { allowRecording?: boolean } = {}): Promise<{ kind: RecordedAudioKind; mime: string }> {
  const detected = await fileTypeFromBuffer(bytes.subarray(0, SNIFF_BYTES));
  const kind = detected ? KIND_BY_EXTENSION[detected.ext] : undefined;
  const accepted = kind && (kind !== 'webm' || options.allowRecording);
  if (!detected || !accepted) {
    const found = detected ? `${detected.mime} (.${detected.ext})` : 'not a recognisable file type';
    const allowed = [...OWN_AUDIO_KINDS, ...(options.allowRecording ? ['webm'] : [])].join(', ').toUpperCase();
    throw new OwnAudioError('unsupported-type', `unsupported audio: the content is ${found}; upload ${allowed}`);
  }
  return { kind, mime: detected.mime };
}

export interface OwnAudioInfo {
  kind: RecordedAudioKind;
  mime: string;
  sizeBytes: number;
  durationSec: number;
  codec: string;
  sampleRate?: number;
  channels?: number;
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Checks an uploaded file: size, type from content, a decodable audio stream and its duration. */
export async function inspectOwnAudio(
  file: string,
  options: { maxBytes?: number; allowRecording?: boolean } = {},
): Promise<OwnAudioInfo> {
  const maxBytes = options.maxBytes ?? OWN_AUDIO_MAX_BYTES;
  const { size } = await stat(file);
  if (size > maxBytes) throw new OwnAudioError('too-large', `audio is ${size} bytes; the limit is ${maxBytes} bytes`);
  if (size === 0) throw new OwnAudioError('empty', 'the audio file is empty');
  const { kind, mime } = await detectAudioKind(await readHead(file), options);
  let info: MediaInfo;
  try {
    info = await probeMedia(file);
  } catch {
    throw new OwnAudioError('unreadable', `the ${kind.toUpperCase()} file could not be read as audio`);
  }
  const audio = info.streams.find((s) => s.codecType === 'audio');
  if (!audio) throw new OwnAudioError('unreadable', `the ${kind.toUpperCase()} file has no audio stream`);
  if (info.streams.some((s) => s.codecType === 'video' && s.codecName !== 'mjpeg' && s.codecName !== 'png')) {
    throw new OwnAudioError('unsupported-type', 'the file holds video; upload an audio file');
  }
  if (!(info.durationSec > 0)) throw new OwnAudioError('empty', 'the audio has no duration');
  return { kind, mime, sizeBytes: size, durationSec: info.durationSec, codec: audio.codecName, sampleRate: audio.sampleRate, channels: audio.channels };
}

/**
 * Converts own audio to the narration track format (48 kHz mono 16-bit WAV), normalised to
 * -14 LUFS / -1 dBTP unless `normalize` is false.
 */
export async function convertOwnAudio(
  input: string,
  output: string,
  options: { normalize?: boolean; signal?: AbortSignal } = {},
): Promise<{ durationSec: number; loudness?: LoudnessMeasurement }> {
  const { signal } = options;
  if (options.normalize === false) {
    const temp = `${output}.converting.wav`;
    try {
      await runFfmpeg(['-y', '-i', input, '-vn', '-ac', '1', '-ar', String(TRACK_SAMPLE_RATE), '-c:a', 'pcm_s16le', temp], { signal });
      await rename(temp, output);
    } finally {
      await rm(temp, { force: true });
    }
    return { durationSec: (await probeMedia(output)).durationSec };
  }
  const result = await normalizeLoudness(input, output, { integratedLufs: TARGET_LOUDNESS_LUFS, maxTruePeakDbtp: MAX_TRUE_PEAK_DBTP }, { signal });
  return { durationSec: (await probeMedia(output)).durationSec, loudness: result.after };
}
