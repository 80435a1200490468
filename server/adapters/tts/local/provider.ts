import { createHash, randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TtsVoice } from '../../../../contracts/voice.ts';
import { decodeToPcm } from '../../ffmpeg/audio.ts';
import { TtsCancelledError, TtsError, TtsRequestError } from '../errors.ts';
import type { SynthesisRequest, SynthesisResult, TtsAlignment, TtsProvider } from '../types.ts';
import { scanModelFolder, type LocalModel } from './model-folder.ts';
import { runSherpa, type SherpaOutcome } from './run-sherpa.ts';

/** Word times of `text` in `samples` (mono, 48 kHz): the app's own aligner, since sherpa-onnx-node returns no durations. */
export type SpeechAligner = (samples: Float32Array, text: string, language: string) => Array<{ word: string; start: number; end: number }>;

export interface LocalVoiceOptions {
  modelsDir: string;
  align: SpeechAligner;
  /** Loading a large model and synthesising a long scene on a slow CPU both fit in this. */
  timeoutMs?: number;
  workDir?: string;
}

const MAX_TEXT_CHARS = 5000;
const DEFAULT_TIMEOUT_MS = 120_000;
/** Loading alone: the voice list waits for it the first time. */
const PROBE_TIMEOUT_MS = 30_000;
const RUNTIME = 'sherpa-onnx-node@1.13.8';

/**
 * Neural voices from model files the operator put in VOICE_MODELS_DIR (Piper/VITS and Kokoro
 * ONNX models through sherpa-onnx). Nothing is downloaded. Every model is loaded in a child
 * process (run-sherpa.ts), once to probe it and then for each synthesis.
 */
export class LocalVoiceProvider implements TtsProvider {
  readonly id = 'local' as const;
  readonly givesAlignment = true;
  readonly maxConcurrency = 1;
  private readonly probes = new Map<string, Promise<SherpaOutcome>>();

  constructor(private readonly options: LocalVoiceOptions) {}

  /** Changes whenever a model file changes, so narration never reuses audio of a replaced model. */
  get fingerprint(): string {
    const models = scanModelFolder(this.options.modelsDir).map((m) => `${m.id}=${m.signature}`);
    return `${RUNTIME}:${createHash('sha256').update(models.join('\n')).digest('hex').slice(0, 16)}`;
  }

  /** Every model as a voice; one that is incomplete or that the runtime cannot load carries the reason. */
  async listVoices(language?: string): Promise<TtsVoice[]> {
    const voices: TtsVoice[] = [];
    for (const model of scanModelFolder(this.options.modelsDir)) {
      if (language && model.language !== language && model.language !== 'multi') continue;
      const unavailable = await this.problemOf(model);
      voices.push({ id: model.id, name: model.id, language: model.language, provider: 'local', ...(unavailable ? { unavailable } : {}) });
    }
    return voices;
  }

  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    const text = request.text.trim();
    if (!text) throw new TtsRequestError('local', 'text is empty');
    if (text.length > MAX_TEXT_CHARS) throw new TtsRequestError('local', `text is longer than ${MAX_TEXT_CHARS} characters`);
    const model = scanModelFolder(this.options.modelsDir).find((m) => m.id === request.voiceId);
    if (!model) throw new TtsRequestError('local', `there is no voice model "${request.voiceId}" in VOICE_MODELS_DIR`);
    const problem = await this.problemOf(model);
    if (problem || !model.config) throw new TtsRequestError('local', `the voice "${model.id}" is unavailable: ${problem?.message ?? model.problem}`);
    const output = join(this.options.workDir ?? tmpdir(), `reelforge-local-voice-${randomUUID()}.pcm`);
    try {
      const speed = Math.min(2, Math.max(0.5, request.speed));
      const outcome = await runSherpa({ config: model.config, text, speed, output }, this.timeoutMs, request.signal);
      if (!outcome.ok) {
        if (outcome.cancelled) throw new TtsCancelledError('local');
        throw new TtsError(`the voice "${model.id}" failed: ${outcome.error}`, 'local', 'engine');
      }
      const audio = await readFile(output);
      if (audio.length === 0) throw new TtsError(`the voice "${model.id}" produced no audio: none of the words may be in its vocabulary`, 'local', 'bad-response');
      return { audio, format: 'pcm_s16le', sampleRate: outcome.sampleRate, alignment: await this.alignment(audio, outcome.sampleRate, text, request) };
    } finally {
      await rm(output, { force: true });
    }
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private async alignment(audio: Buffer, sampleRate: number, text: string, request: SynthesisRequest): Promise<TtsAlignment> {
    const samples = await decodeToPcm({ data: audio, format: 'pcm_s16le', sampleRate }, { signal: request.signal });
    const words = this.options.align(samples, text, request.language);
    return { unit: 'word', items: words.map((w) => ({ text: w.word, start: w.start, end: w.end })) };
  }

  private async problemOf(model: LocalModel): Promise<TtsVoice['unavailable']> {
    if (!model.config) return { reason: 'missing-files', message: model.problem ?? 'files missing' };
    const key = `${model.id}\n${model.signature}`;
    let probe = this.probes.get(key);
    if (!probe) {
      for (const old of this.probes.keys()) if (old.startsWith(`${model.id}\n`)) this.probes.delete(old);
      probe = runSherpa({ config: model.config }, Math.min(PROBE_TIMEOUT_MS, this.timeoutMs));
      this.probes.set(key, probe);
    }
    const outcome = await probe;
    // A busy machine is no verdict on the file: the next listing tries again.
    if (!outcome.ok && outcome.timedOut) this.probes.delete(key);
    return outcome.ok ? undefined : { reason: 'load-failed', message: `the model could not be loaded: ${outcome.error}` };
  }
}
