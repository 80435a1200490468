import { spawn } from 'node:child_process';
import { ffmpegBinary } from './binary.ts';

export interface FfmpegRunOptions {
  signal?: AbortSignal;
  /** Expected output duration; with it, onProgress receives a 0..1 fraction. */
  durationSec?: number;
  onProgress?: (fraction: number, outTimeSec: number) => void;
}

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'FfmpegError';
  }
}

export class FfmpegCancelledError extends Error {
  constructor() {
    super('ffmpeg was cancelled');
    this.name = 'FfmpegCancelledError';
  }
}

const STDERR_TAIL_CHARS = 4000;

/** Runs ffmpeg with the given arguments (no shell). Resolves with stderr on success. */
export async function runFfmpeg(args: string[], options: FfmpegRunOptions = {}): Promise<string> {
  const { ffmpeg } = await ffmpegBinary();
  return runBinary(ffmpeg, ['-hide_banner', '-nostdin', '-progress', 'pipe:1', '-nostats', ...args], options);
}

export function runBinary(binary: string, args: string[], options: FfmpegRunOptions = {}): Promise<string> {
  const { signal, durationSec, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new FfmpegCancelledError());
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let progressBuffer = '';
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      progressBuffer += chunk.toString();
      const lines = progressBuffer.split('\n');
      progressBuffer = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^out_time_us=(\d+)/.exec(line) ?? /^out_time_ms=(\d+)/.exec(line);
        if (match && onProgress) {
          const seconds = Number(match[1]) / 1e6;
          onProgress(durationSec ? Math.min(1, seconds / durationSec) : 0, seconds);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_CHARS);
    });
    child.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new FfmpegError(`could not start ${binary}: ${error.message}`, null, ''));
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(new FfmpegCancelledError());
      if (code === 0) return resolve(stderr);
      const lastLine = stderr.trim().split('\n').slice(-1)[0] ?? '';
      reject(new FfmpegError(`ffmpeg exited with code ${code}: ${lastLine}`, code, stderr));
    });
  });
}
