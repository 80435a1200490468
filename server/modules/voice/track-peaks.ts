import { decodeToPcm } from '../../adapters/ffmpeg/audio.ts';
import { waveformPeaks } from './pcm.ts';

/** Enough detail to drag a scene boundary to within 20 ms, and never more than this many values. */
const PEAKS_PER_SECOND = 50;
const MAX_PEAKS = 6000;
/** Decoded at a low rate: peaks only need the envelope. */
const PEAK_SAMPLE_RATE = 8000;

export function peaksFromSamples(samples: Float32Array, durationSec: number): number[] {
  return waveformPeaks(samples, Math.max(1, Math.min(MAX_PEAKS, Math.ceil(durationSec * PEAKS_PER_SECOND))));
}

/** The waveform the screen draws: peak amplitude (0..1) per 20 ms bucket. */
export async function trackPeaks(file: string, durationSec: number, signal?: AbortSignal): Promise<number[]> {
  return peaksFromSamples(await decodeToPcm(file, { sampleRate: PEAK_SAMPLE_RATE, signal }), durationSec);
}
