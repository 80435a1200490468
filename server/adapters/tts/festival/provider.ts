import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TtsVoice } from '../../../../contracts/voice.ts';
import { ffmpegToBuffer } from '../../ffmpeg/audio.ts';
import { TtsCancelledError, TtsError, TtsRequestError } from '../errors.ts';
import type { SynthesisRequest, SynthesisResult, TtsProvider } from '../types.ts';
import { parseWordTimings, synthesisScript } from './scheme.ts';
import { findFestivalBinary, installedFestivalVoices, type FestivalVoice } from './voices.ts';

const MAX_TEXT_CHARS = 5000;
/** atempo's range in one filter; festival's own duration controls do not reach the HTS voice. */
const MIN_SPEED = 0.5;
const MAX_SPEED = 2;

class FestivalCancelled extends Error {}

/**
 * The text as festival's tokenizers take it: the Russian voice fails (and writes no audio) on
 * typographic dashes, so they become the pause a comma gives; quotes and ellipses are plain.
 */
export function festivalText(text: string): string {
  return text
    .replace(/\s*[—–−]\s*/g, ', ')
    .replace(/[«»“”„]/g, '"')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

function runFestival(binary: string, script: string, signal?: AbortSignal): Promise<string> {
  if (signal?.aborted) return Promise.reject(new FestivalCancelled());
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--pipe'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.stdin.on('error', () => undefined);
    child.stdin.end(script);
    child.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new Error(`could not start ${binary}: ${error.message}`));
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(new FestivalCancelled());
      if (code === 0) return resolve(stdout);
      reject(new Error(stderr.trim().split('\n').slice(-1)[0] || `festival exited with code ${code}`));
    });
  });
}

/**
 * Debian's festival voices (US English HTS, Russian clunits): offline like espeak-ng and much
 * more natural. festival reports when every word starts and ends, so captions follow the audio.
 */
export class FestivalProvider implements TtsProvider {
  readonly id = 'festival' as const;
  readonly givesAlignment = true;
  readonly maxConcurrency = 2;
  readonly fingerprint = 'festival:3';
  private readonly binary: string | null;
  private readonly voices: FestivalVoice[];

  constructor(options: { binaryPath?: string; env?: NodeJS.ProcessEnv } = {}) {
    const env = options.env ?? process.env;
    this.binary = options.binaryPath ?? findFestivalBinary(env);
    this.voices = this.binary ? installedFestivalVoices(env) : [];
  }

  get available(): boolean {
    return this.voices.length > 0;
  }

  async listVoices(language?: string): Promise<TtsVoice[]> {
    return this.voices
      .filter((voice) => !language || voice.language === language)
      .map(({ id, name, language: lang, gender }) => ({ id, name, language: lang, gender, provider: 'festival' }));
  }

  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    const text = festivalText(request.text);
    if (!text) throw new TtsRequestError('festival', 'text is empty');
    if (text.length > MAX_TEXT_CHARS) throw new TtsRequestError('festival', `text is longer than ${MAX_TEXT_CHARS} characters`);
    const voice = this.voices.find((v) => v.id === request.voiceId);
    if (!voice || !this.binary) throw new TtsRequestError('festival', `"${request.voiceId}" is not an installed festival voice`);
    const dir = await mkdtemp(join(tmpdir(), 'reelforge-festival-'));
    try {
      const wavPath = join(dir, 'speech.wav');
      const words = parseWordTimings(await runFestival(this.binary, synthesisScript(voice.select, text, wavPath), request.signal));
      let audio: Buffer = await readFile(wavPath);
      const speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, (request.speed || 1) * voice.baseTempo));
      if (Math.abs(speed - 1) > 0.01) {
        audio = await ffmpegToBuffer(['-i', 'pipe:0', '-af', `atempo=${speed.toFixed(3)}`, '-f', 'wav', 'pipe:1'], { input: audio, signal: request.signal });
      }
      const items = words.map((w) => ({ text: w.text, start: w.start / speed, end: w.end / speed }));
      return { audio, format: 'wav', alignment: { unit: 'word', items } };
    } catch (error) {
      if (error instanceof FestivalCancelled || request.signal?.aborted) throw new TtsCancelledError('festival');
      if (error instanceof TtsError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new TtsError(`festival failed: ${message}`, 'festival', 'engine', undefined, { cause: error });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
