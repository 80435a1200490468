import { rename, rm } from 'node:fs/promises';
import { runFfmpeg } from './run.ts';
import { ffmpegToBuffer, TRACK_SAMPLE_RATE } from './audio.ts';

export interface LoudnessMeasurement {
  /** EBU R128 integrated loudness; -70 when nothing passes the absolute gate (silence, under 0.4 s). */
  integratedLufs: number;
  truePeakDbtp: number;
  lraLu: number;
}

export interface LoudnessTarget {
  integratedLufs: number;
  maxTruePeakDbtp: number;
  /** Accepted distance from the integrated target; the pass closest to it wins. */
  toleranceLu?: number;
}

export interface NormalizeResult {
  before: LoudnessMeasurement;
  after: LoudnessMeasurement;
  gainDb: number;
  passes: number;
  /** 'peak' when the input had no measurable loudness and only its peak was set. */
  mode: 'loudness' | 'peak';
}

const UNMEASURABLE_LUFS = -69.9;
const MAX_PASSES = 6;
const MAX_GAIN_DB = 40;
const OVERSAMPLED_RATE = 192_000;
const LIMITER_ATTACK_MS = 1;

function parseLevel(summary: string, label: string): number {
  const match = new RegExp(`${label}:\\s+(-?inf|-?[\\d.]+)`).exec(summary);
  if (!match?.[1]) throw new Error(`ebur128 summary has no ${label} value`);
  return match[1].endsWith('inf') ? (match[1].startsWith('-') ? -Infinity : Infinity) : Number(match[1]);
}

const EBUR128 = 'ebur128=peak=true:framelog=verbose';

function parseSummary(stderr: string, file: string): LoudnessMeasurement {
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  if (!summary.startsWith('Summary:')) throw new Error(`ebur128 printed no summary for ${file}`);
  return {
    integratedLufs: Math.max(-70, parseLevel(summary, 'I')),
    truePeakDbtp: parseLevel(summary, 'Peak'),
    lraLu: parseLevel(summary, 'LRA'),
  };
}

/** Integrated loudness, true peak and loudness range, measured with ffmpeg's ebur128 filter. */
export async function measureLoudness(file: string, options: { signal?: AbortSignal } = {}): Promise<LoudnessMeasurement> {
  const stderr = await runFfmpeg(['-i', file, '-vn', '-af', EBUR128, '-f', 'null', '-'], { signal: options.signal });
  return parseSummary(stderr, file);
}

let latencyOption: Promise<boolean> | null = null;

/** ffmpeg 5 can compensate alimiter's look-ahead delay itself; older builds need padding and trimming. */
function limiterCompensatesLatency(): Promise<boolean> {
  latencyOption ??= ffmpegToBuffer(['-h', 'filter=alimiter']).then(
    (help) => help.toString().includes('latency'),
    () => false,
  );
  return latencyOption;
}

async function limiterChain(gainDb: number, ceilingDbtp: number, compressorThresholdDb: number): Promise<string> {
  const limit = Math.min(1, Math.max(0.0625, 10 ** (ceilingDbtp / 20)));
  const threshold = Math.min(1, Math.max(0.001, 10 ** (compressorThresholdDb / 20)));
  const limiter = `alimiter=limit=${limit.toFixed(5)}:attack=${LIMITER_ATTACK_MS}:release=60:level=false`;
  const delaySamples = Math.round((OVERSAMPLED_RATE * LIMITER_ATTACK_MS) / 1000);
  const limited = (await limiterCompensatesLatency())
    ? `${limiter}:latency=true`
    : `apad=pad_len=${delaySamples},${limiter},atrim=start_sample=${delaySamples},asetpts=PTS-STARTPTS`;
  // Sample-accurate: no filter here shifts audio in time, so narration timings stay valid.
  return [
    'aformat=sample_fmts=dbl:channel_layouts=mono',
    `volume=${gainDb.toFixed(3)}dB`,
    `acompressor=threshold=${threshold.toFixed(5)}:ratio=3:attack=5:release=100:knee=4`,
    `aresample=${OVERSAMPLED_RATE}`,
    limited,
    `aresample=${TRACK_SAMPLE_RATE}`,
  ].join(',');
}

/** Filters input into a 48 kHz mono 16-bit WAV and measures that output in the same ffmpeg run. */
async function render(input: string, output: string, filter: string, signal?: AbortSignal): Promise<LoudnessMeasurement> {
  const graph = `[0:a]${filter},aresample=${TRACK_SAMPLE_RATE},asplit=2[out][measure];[measure]${EBUR128},anullsink`;
  const args = ['-y', '-i', input, '-filter_complex', graph, '-map', '[out]', '-ar', String(TRACK_SAMPLE_RATE), '-ac', '1', '-c:a', 'pcm_s16le', output];
  return parseSummary(await runFfmpeg(args, { signal }), output);
}

/**
 * Brings a file to an integrated loudness target with a true-peak ceiling, writing a 48 kHz mono
 * 16-bit WAV. Speech synthesisers have peaks far above their loudness, so a plain gain (or
 * loudnorm's linear mode) cannot reach -14 LUFS under -1 dBTP: this applies gain, a gentle
 * compressor and a 4x-oversampled limiter, measures the result and corrects the gain until it
 * lands within the tolerance.
 */
export async function normalizeLoudness(
  input: string,
  output: string,
  target: LoudnessTarget,
  options: { signal?: AbortSignal } = {},
): Promise<NormalizeResult> {
  const { signal } = options;
  const tolerance = target.toleranceLu ?? 0.3;
  const before = await measureLoudness(input, { signal });
  if (before.integratedLufs <= UNMEASURABLE_LUFS) {
    const gainDb = Number.isFinite(before.truePeakDbtp) ? target.maxTruePeakDbtp - 0.5 - before.truePeakDbtp : 0;
    const after = await render(input, output, `aformat=sample_fmts=dbl:channel_layouts=mono,volume=${gainDb.toFixed(3)}dB`, signal);
    return { before, after, gainDb, passes: 1, mode: 'peak' };
  }

  let gainDb = Math.min(MAX_GAIN_DB, target.integratedLufs - before.integratedLufs);
  let ceiling = target.maxTruePeakDbtp - 0.3;
  const attempts: Array<{ gainDb: number; file: string; after: LoudnessMeasurement }> = [];
  try {
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      const file = `${output}.pass${pass}.wav`;
      const after = await render(input, file, await limiterChain(gainDb, ceiling, target.integratedLufs + 6), signal);
      attempts.push({ gainDb, file, after });
      const error = target.integratedLufs - after.integratedLufs;
      const peakOver = after.truePeakDbtp - target.maxTruePeakDbtp;
      if (Math.abs(error) <= tolerance && peakOver <= 0) break;
      if (peakOver > 0) ceiling -= peakOver + 0.1;
      gainDb = Math.min(MAX_GAIN_DB, gainDb + error / loudnessSlope(attempts));
    }
    const valid = attempts.filter((a) => a.after.truePeakDbtp <= target.maxTruePeakDbtp);
    const pool = valid.length > 0 ? valid : attempts;
    const best = pool.reduce((a, b) =>
      Math.abs(b.after.integratedLufs - target.integratedLufs) < Math.abs(a.after.integratedLufs - target.integratedLufs) ? b : a,
    );
    await rename(best.file, output);
    return { before, after: best.after, gainDb: best.gainDb, passes: attempts.length, mode: 'loudness' };
  } finally {
    await Promise.all(attempts.map((a) => rm(a.file, { force: true })));
  }
}

/** How many LU the output moves per dB of gain; below 1 once the limiter works hard. */
function loudnessSlope(attempts: Array<{ gainDb: number; after: LoudnessMeasurement }>): number {
  const [previous, last] = attempts.slice(-2);
  // Measured on synthetic speech: the first few dB mostly feed the compressor and limiter.
  if (!previous || !last || Math.abs(last.gainDb - previous.gainDb) < 0.05) return 0.45;
  const slope = (last.after.integratedLufs - previous.after.integratedLufs) / (last.gainDb - previous.gainDb);
  return Math.min(1.2, Math.max(0.15, slope));
}
