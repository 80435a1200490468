import { spawn } from 'node:child_process';
import { rename, rm, writeFile } from 'node:fs/promises';
import { ffmpegBinary } from './binary.ts';
import { FfmpegCancelledError, FfmpegError } from './run.ts';

/** Sample rate of every track the voice stage produces (what the render expects). */
export const TRACK_SAMPLE_RATE = 48_000;

export type EncodedAudioFormat = 'wav' | 'mp3' | 'ogg' | 'opus' | 'aac' | 'flac' | 'm4a' | 'pcm_s16le';

/** Audio bytes in memory, e.g. a TTS response. Raw PCM needs its sample rate. */
export interface EncodedAudio {
  data: Buffer;
  format: EncodedAudioFormat;
  sampleRate?: number;
  channels?: number;
}

const STDERR_TAIL_CHARS = 4000;

/** Runs ffmpeg, optionally feeding stdin, and collects stdout as bytes. */
export async function ffmpegToBuffer(args: string[], options: { input?: Buffer; signal?: AbortSignal } = {}): Promise<Buffer> {
  const { ffmpeg } = await ffmpegBinary();
  const { input, signal } = options;
  if (signal?.aborted) throw new FfmpegCancelledError();
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, ['-hide_banner', '-loglevel', 'error', ...(input ? [] : ['-nostdin']), ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_CHARS);
    });
    // ffmpeg may stop reading early (e.g. on a decode error); the close handler reports that.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    child.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new FfmpegError(`could not start ${ffmpeg}: ${error.message}`, null, ''));
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(new FfmpegCancelledError());
      if (code === 0) return resolve(Buffer.concat(chunks));
      const lastLine = stderr.trim().split('\n').slice(-1)[0] ?? '';
      reject(new FfmpegError(`ffmpeg exited with code ${code}: ${lastLine}`, code, stderr));
    });
  });
}

function inputArgs(source: string | EncodedAudio): string[] {
  if (typeof source === 'string') return ['-i', source];
  if (source.format === 'pcm_s16le') {
    if (!source.sampleRate) throw new Error('raw PCM audio needs its sample rate');
    return ['-f', 's16le', '-ar', String(source.sampleRate), '-ac', String(source.channels ?? 1), '-i', 'pipe:0'];
  }
  return ['-i', 'pipe:0'];
}

/**
 * Decodes a file or in-memory audio to mono float samples at the given rate.
 * m4a from memory is not supported (its index may sit at the end): write it to a file first.
 */
export async function decodeToPcm(
  source: string | EncodedAudio,
  options: { sampleRate?: number; signal?: AbortSignal } = {},
): Promise<Float32Array> {
  const sampleRate = options.sampleRate ?? TRACK_SAMPLE_RATE;
  const args = [...inputArgs(source), '-vn', '-ac', '1', '-ar', String(sampleRate), '-f', 'f32le', 'pipe:1'];
  const input = typeof source === 'string' ? undefined : source.data;
  const bytes = await ffmpegToBuffer(args, { input, signal: options.signal });
  // Copy into an aligned buffer: Buffer pools may hand out unaligned offsets.
  const samples = new Float32Array(bytes.length >> 2);
  new Uint8Array(samples.buffer).set(bytes.subarray(0, samples.length * 4));
  return samples;
}

/** A WAV file (RIFF) holding mono samples as 16-bit PCM or 32-bit float. */
export function encodeWav(samples: Float32Array, sampleRate: number, encoding: 's16' | 'f32' = 's16'): Buffer {
  const bytesPerSample = encoding === 's16' ? 2 : 4;
  const dataBytes = samples.length * bytesPerSample;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(encoding === 's16' ? 1 : 3, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * bytesPerSample, 28);
  wav.writeUInt16LE(bytesPerSample, 32);
  wav.writeUInt16LE(bytesPerSample * 8, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  // Typed arrays use the host's byte order; WAV is little-endian, like x86 and ARM hosts.
  if (encoding === 'f32') {
    wav.set(new Uint8Array(samples.buffer, samples.byteOffset, dataBytes), 44);
  } else {
    const pcm = new Int16Array(samples.length);
    for (let i = 0; i < samples.length; i++) {
      const clamped = Math.max(-1, Math.min(1, samples[i] ?? 0));
      pcm[i] = Math.round(clamped < 0 ? clamped * 0x8000 : clamped * 0x7fff);
    }
    wav.set(new Uint8Array(pcm.buffer), 44);
  }
  return wav;
}

/** Writes under a temporary name and renames, so no half-written file is ever visible. */
export async function writeFileAtomic(file: string, data: Buffer | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

export async function writeWav(file: string, samples: Float32Array, sampleRate: number, encoding: 's16' | 'f32' = 's16'): Promise<void> {
  await writeFileAtomic(file, encodeWav(samples, sampleRate, encoding));
}
