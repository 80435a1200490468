import type { TtsVoice } from '../../../../contracts/voice.ts';
import { TtsCancelledError, TtsError, TtsRequestError } from '../errors.ts';
import type { SynthesisRequest, SynthesisResult, TtsProvider } from '../types.ts';
import { BinaryCancelledError, findEspeakBinary, synthesizeWithBinary } from './binary-engine.ts';
import { espeakPitch, espeakRate, espeakVoices, isValidEspeakVoice } from './voices.ts';
import { WasmCancelledError, WasmEspeakEngine } from './wasm-engine.ts';

export interface EspeakOptions {
  /** 'auto' uses the system binary when present, else the npm WASM build. */
  engine?: 'auto' | 'binary' | 'wasm';
  /** Explicit binary path; defaults to ESPEAK_NG_PATH or espeak-ng on PATH. */
  binaryPath?: string;
}

const MAX_TEXT_CHARS = 5000;

/** The embedded default voice: works offline, with no key, in English and Russian (and more). */
export class EspeakProvider implements TtsProvider {
  readonly id = 'espeak' as const;
  readonly givesAlignment = false;
  readonly engine: 'binary' | 'wasm';
  readonly maxConcurrency: number;
  readonly fingerprint: string;
  private readonly binary: string | null;
  private wasm: WasmEspeakEngine | null = null;

  constructor(options: EspeakOptions = {}) {
    const wanted = options.engine ?? 'auto';
    this.binary = wanted === 'wasm' ? null : (options.binaryPath ?? findEspeakBinary());
    if (wanted === 'binary' && !this.binary) {
      throw new TtsError('espeak-ng binary not found: install espeak-ng or set ESPEAK_NG_PATH', 'espeak', 'engine');
    }
    this.engine = this.binary ? 'binary' : 'wasm';
    // The WASM engine runs one synthesis at a time in its worker.
    this.maxConcurrency = this.engine === 'binary' ? 2 : 1;
    // Binary and WASM builds are different espeak-ng versions and may sound slightly different.
    this.fingerprint = `espeak-ng:${this.engine}`;
  }

  async listVoices(language?: string): Promise<TtsVoice[]> {
    return espeakVoices(language);
  }

  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    const text = request.text.trim();
    if (!text) throw new TtsRequestError('espeak', 'text is empty');
    if (text.length > MAX_TEXT_CHARS) throw new TtsRequestError('espeak', `text is longer than ${MAX_TEXT_CHARS} characters`);
    if (!isValidEspeakVoice(request.voiceId)) throw new TtsRequestError('espeak', `"${request.voiceId}" is not an espeak-ng voice name`);
    const args = ['-v', request.voiceId, '-s', String(espeakRate(request.speed)), '-p', String(espeakPitch(request.pitch))];
    try {
      const audio = this.binary
        ? await synthesizeWithBinary(this.binary, args, text, request.signal)
        : await this.wasmEngine().synthesize(args, text, request.signal);
      return { audio, format: 'wav' };
    } catch (error) {
      if (error instanceof BinaryCancelledError || error instanceof WasmCancelledError) throw new TtsCancelledError('espeak');
      const message = error instanceof Error ? error.message : String(error);
      if (/voice does not exist/i.test(message)) throw new TtsRequestError('espeak', `unknown voice "${request.voiceId}"`);
      throw new TtsError(`espeak-ng (${this.engine}) failed: ${message}`, 'espeak', 'engine', undefined, { cause: error });
    }
  }

  /** Stops the WASM worker if one was started. */
  async close(): Promise<void> {
    await this.wasm?.close();
  }

  private wasmEngine(): WasmEspeakEngine {
    this.wasm ??= new WasmEspeakEngine();
    return this.wasm;
  }
}
