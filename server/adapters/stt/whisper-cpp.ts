import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Language } from '../../../contracts/formats.ts';
import type { Transcript } from '../../../contracts/media-sources.ts';
import { findTool } from '../find-executable.ts';
import { languageCode, supportedLanguage, type Transcriber, TranscriptionError } from './types.ts';

const execFileAsync = promisify(execFile);

/** Names the whisper.cpp CLI is installed under: `whisper-cli` (current), `whisper-cpp` (packages). */
const CLI_NAMES = ['whisper-cli', 'whisper-cpp'];

export interface WhisperCppSetup {
  model: string;
  binary: string;
}

/** The model and binary when both exist, else why whisper.cpp cannot run. */
export function whisperCppSetup(modelPath: string | undefined, binaryPath: string | undefined): WhisperCppSetup | { reason: string } {
  if (!modelPath) return { reason: 'WHISPER_MODEL_PATH is not set' };
  if (!existsSync(modelPath)) return { reason: `the whisper.cpp model file ${modelPath} (WHISPER_MODEL_PATH) does not exist` };
  const binary = findTool(binaryPath, CLI_NAMES);
  if (!binary) return { reason: `the whisper.cpp CLI (${binaryPath ?? CLI_NAMES.join(' or ')}) is not installed or not executable; set WHISPER_CPP_PATH` };
  return { model: modelPath, binary };
}

/**
 * The whisper.cpp CLI on a 16 kHz mono WAV: `-ml 1 -sow` makes one segment per word, `-oj`
 * writes them as JSON (result.language, transcription[].offsets in milliseconds).
 */
export class WhisperCppTranscriber implements Transcriber {
  readonly id = 'whisper-cpp' as const;

  constructor(
    private readonly setup: WhisperCppSetup,
    private readonly threads = 2,
  ) {}

  async transcribe(audio: string, options: { signal?: AbortSignal; language?: Language } = {}): Promise<Transcript> {
    const dir = await mkdtemp(join(tmpdir(), 'whisper-'));
    const out = join(dir, 'transcript');
    try {
      const args = ['-m', this.setup.model, '-f', audio, '-l', options.language ?? 'auto', '-t', String(this.threads), '-ml', '1', '-sow', '-oj', '-of', out, '-np'];
      await execFileAsync(this.setup.binary, args, { signal: options.signal, maxBuffer: 16 * 1024 * 1024 }).catch((error: Error & { code?: unknown }) => {
        if (options.signal?.aborted) throw error;
        throw new TranscriptionError(`whisper.cpp failed (${String(error.code ?? error.message).slice(0, 100)})`);
      });
      return readWhisperJson(await readFile(`${out}.json`, 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

interface WhisperJson {
  result?: { language?: string };
  transcription?: Array<{ offsets?: { from?: number; to?: number }; text?: string }>;
}

/** whisper.cpp's -oj output as a transcript; punctuation split off as its own segment joins the word before. */
export function readWhisperJson(raw: string): Transcript {
  let json: WhisperJson;
  try {
    json = JSON.parse(raw) as WhisperJson;
  } catch {
    throw new TranscriptionError('whisper.cpp wrote no readable JSON');
  }
  const words: Transcript['words'] = [];
  for (const segment of json.transcription ?? []) {
    const text = (segment.text ?? '').trim();
    const start = (segment.offsets?.from ?? 0) / 1000;
    const end = (segment.offsets?.to ?? 0) / 1000;
    if (!text || text.startsWith('[')) continue;
    const last = words.at(-1);
    if (last && !/[\p{L}\p{N}]/u.test(text)) last.word += text;
    else words.push({ word: text, start, end: Math.max(start, end) });
  }
  const detected = languageCode(json.result?.language);
  return {
    text: words.map((w) => w.word).join(' '),
    detectedLanguage: detected,
    language: supportedLanguage(detected),
    words,
    durationSec: words.at(-1)?.end ?? null,
    provider: 'whisper-cpp',
  };
}
