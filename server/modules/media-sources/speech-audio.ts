import { runFfmpeg } from '../../adapters/ffmpeg/run.ts';

/**
 * The sound of a source as transcribers want it: 16 kHz mono 16-bit WAV (whisper.cpp reads only
 * this; OpenAI-compatible servers accept it, and 10 minutes stay under OpenAI's 25 MB upload cap).
 */
export async function writeSpeechAudio(input: string, output: string, options: { signal?: AbortSignal; durationSec?: number; onProgress?: (fraction: number) => void } = {}): Promise<void> {
  await runFfmpeg(['-y', '-i', input, '-vn', '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', '-f', 'wav', output], {
    signal: options.signal,
    durationSec: options.durationSec,
    onProgress: options.onProgress,
  });
}
