import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/** General MIDI soundfonts from Debian's packages, best first (fluid-soundfont-gm, timgm6mb-soundfont). */
export const SOUNDFONT_CANDIDATES = ['/usr/share/sounds/sf2/FluidR3_GM.sf2', '/usr/share/sounds/sf2/TimGM6mb.sf2', '/usr/share/sounds/sf2/default-GM.sf2'];

export interface FluidSynth {
  binary: string;
  soundfont: string;
}

function firstAccessible(paths: string[], mode: number): string | null {
  for (const path of paths) {
    try {
      accessSync(path, mode);
      return path;
    } catch {
      // try the next one
    }
  }
  return null;
}

/** fluidsynth on PATH with a General MIDI soundfont, or null when either is missing. */
export function findFluidSynth(env: NodeJS.ProcessEnv = process.env): FluidSynth | null {
  const binary = firstAccessible((env.PATH ?? '').split(':').filter(Boolean).map((dir) => `${dir}/fluidsynth`), constants.X_OK);
  const soundfont = firstAccessible(SOUNDFONT_CANDIDATES, constants.R_OK);
  return binary && soundfont ? { binary, soundfont } : null;
}

export class FluidSynthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FluidSynthError';
  }
}

/** Renders a MIDI file to a 16-bit stereo WAV as fast as the CPU allows (no audio device). */
export function renderMidi(synth: FluidSynth, midiPath: string, wavPath: string, sampleRate: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new FluidSynthError('cancelled'));
  const args = ['-n', '-i', '-q', '-g', '0.5', '-r', String(sampleRate), '-O', 's16', '-T', 'wav', '-F', wavPath, synth.soundfont, midiPath];
  return new Promise((resolve, reject) => {
    const child = spawn(synth.binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new FluidSynthError(`could not start ${synth.binary}: ${error.message}`));
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(new FluidSynthError('cancelled'));
      if (code === 0) return resolve();
      reject(new FluidSynthError(`fluidsynth exited with code ${code}: ${stderr.trim().split('\n').slice(-1)[0] ?? ''}`));
    });
  });
}
