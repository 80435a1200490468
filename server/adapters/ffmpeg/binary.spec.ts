import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ffmpegBinary } from './binary.ts';
import { probeMedia } from './probe.ts';
import { FfmpegCancelledError, runFfmpeg } from './run.ts';

describe('ffmpeg adapter', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds a binary and detects its filters', async () => {
    const binary = await ffmpegBinary();
    expect(binary.version).not.toBe('unknown');
    expect(binary.filters.has('scale')).toBe(true);
    expect(binary.encoders.has('aac')).toBe(true);
  });

  it('encodes a tone, reports progress and probes the result', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-ffmpeg-'));
    const out = join(dir, 'tone.m4a');
    const fractions: number[] = [];
    await runFfmpeg(['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:a', 'aac', '-ar', '48000', out], {
      durationSec: 2,
      onProgress: (fraction) => fractions.push(fraction),
    });
    const info = await probeMedia(out);
    expect(info.durationSec).toBeGreaterThan(1.9);
    expect(info.durationSec).toBeLessThan(2.2);
    expect(info.streams[0]?.codecType).toBe('audio');
    expect(info.streams[0]?.sampleRate).toBe(48000);
    expect(fractions.at(-1)).toBeGreaterThan(0.9);
  });

  it('stops ffmpeg when the signal aborts', async () => {
    const controller = new AbortController();
    const run = runFfmpeg(['-f', 'lavfi', '-i', 'testsrc=size=1280x720:rate=30', '-t', '600', '-f', 'null', '-'], {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    await expect(run).rejects.toBeInstanceOf(FfmpegCancelledError);
  });
});
