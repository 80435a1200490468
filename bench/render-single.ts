/**
 * One 60-second render in the embedded mode, run by `render.bench.ts` in a process of its own,
 * compiled to plain JavaScript as `npm start` runs the app: narration and the render job through
 * the real handlers, with PGlite in this process. Prints its figures as JSON on the last line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeMedia } from '../server/adapters/ffmpeg/probe.ts';
import { cpuSeconds, watchPeakMemory } from './process-tree.ts';
import { bareEncodes, type BareEncodes } from './render-bare.ts';
import { benchUser, openContext, projectWithScript, runHandler } from './render-setup.ts';
import { ENGLISH_150 } from './voice-scripts-150.ts';

/** espeak-ng speaks the 150 words in about 55 s at its own rate; a little slower makes the video 60 s long. */
export const VOICE = { provider: 'espeak', voiceId: 'en-us', speed: 0.92 };

export interface SingleRun {
  narrationSec: number;
  visualsSec: number;
  encodeSec: number;
  totalSec: number;
  narrationCpuSec: number;
  renderCpuSec: number;
  videoSec: number;
  megabytes: number;
  peakMiB: number;
  byProgramMiB: Record<string, number>;
  /** Resident memory the app context added to this process: mostly the embedded database (PGlite). */
  contextMiB: number;
  bare: BareEncodes;
}

async function single(): Promise<SingleRun> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rf-bench-render-'));
  const rssBefore = process.memoryUsage().rss;
  const context = await openContext(dataDir);
  const contextMiB = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
  try {
    const user = await benchUser(context);
    const projectId = await projectWithScript(context, user, ENGLISH_150, 'Benchmark', VOICE);
    const memory = watchPeakMemory(() => [process.pid]);
    const started = performance.now();
    const cpuStart = cpuSeconds();
    await runHandler(context, user, 'voice.narrate', { projectId });
    const narrated = performance.now();
    const cpuNarrated = cpuSeconds();
    let encodingFrom = 0;
    await runHandler(context, user, 'render.video', { projectId, aspect: '9:16', quality: 'standard' }, (_fraction, step) => {
      if (step === 'encoding' && !encodingFrom) encodingFrom = performance.now();
    });
    const rendered = performance.now();
    const cpuRendered = cpuSeconds();
    const { peakMiB, byProgramMiB } = memory.stop();
    const state = await context.render.state(user, projectId);
    const video = (await context.assets.fileOf(user.userId, state.outputs!.video.id)).path;
    const info = await probeMedia(video);
    const { plan } = await context.render.plan(user.userId, projectId, { aspect: '9:16', quality: 'standard' });
    return {
      narrationSec: (narrated - started) / 1000,
      visualsSec: (encodingFrom - narrated) / 1000,
      encodeSec: (rendered - encodingFrom) / 1000,
      totalSec: (rendered - started) / 1000,
      narrationCpuSec: cpuNarrated - cpuStart,
      renderCpuSec: cpuRendered - cpuNarrated,
      videoSec: info.durationSec,
      megabytes: state.outputs!.video.sizeBytes / 1024 / 1024,
      peakMiB,
      byProgramMiB,
      contextMiB,
      bare: await bareEncodes(plan),
    };
  } finally {
    await context.database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('render-single.js')) {
  console.log(JSON.stringify(await single()));
  process.exit(0);
}
