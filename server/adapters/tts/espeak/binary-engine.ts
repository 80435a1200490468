import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export class BinaryCancelledError extends Error {
  constructor() {
    super('espeak-ng synthesis was cancelled');
    this.name = 'BinaryCancelledError';
  }
}

/** ESPEAK_NG_PATH when set, else espeak-ng on PATH, else null. */
export function findEspeakBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.ESPEAK_NG_PATH ? [env.ESPEAK_NG_PATH] : (env.PATH ?? '').split(':').filter(Boolean).map((dir) => `${dir}/espeak-ng`);
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // try the next one
    }
  }
  return null;
}

/** Runs the espeak-ng binary with the text on stdin (never as an argument) and returns the WAV it writes. */
export function synthesizeWithBinary(binary: string, args: string[], text: string, signal?: AbortSignal): Promise<Buffer> {
  if (signal?.aborted) return Promise.reject(new BinaryCancelledError());
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args, '-b', '1', '--stdin', '--stdout'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
    child.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new Error(`could not start ${binary}: ${error.message}`));
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(new BinaryCancelledError());
      const wav = Buffer.concat(chunks);
      if (code === 0 && wav.length > 44) return resolve(wav);
      reject(new Error(stderr.trim() || `espeak-ng exited with code ${code} and no audio`));
    });
  });
}
