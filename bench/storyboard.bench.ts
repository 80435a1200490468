/**
 * Storyboard benchmark (not a test): the render time of the 60-second 1080x1920 benchmark video
 * with motion and a transition on every scene against the same video without, and how long the
 * storyboard's live preview takes to draw one frame. In-process render core, real espeak-ng
 * narration, music with ducking, burned captions, standard quality.
 * Run: npm run bench storyboard   (writes the "storyboard" section of BENCHMARKS.md)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CARD_DESIGNS, MOTIONS } from '../contracts/render-plan.ts';
import type { Motion, RenderPlanInput, Transition, Visual } from '../contracts/render-plan.ts';
import { ffmpegBinary } from '../server/adapters/ffmpeg/binary.ts';
import { probeMedia } from '../server/adapters/ffmpeg/probe.ts';
import { renderPreviewFrame, renderVideo } from '../server/modules/render/index.ts';
import { makeClip, makeImage, makeTone, planFor } from '../server/modules/render/test-support.ts';
import { cpuSeconds } from './process-tree.ts';
import { machineLine, round, writeBenchmarkSection } from './lib.ts';
import { ENGLISH_150 } from './voice-scripts-150.ts';

const run = promisify(execFile);
const DURATION_SEC = 60;
const RUNS = 2;

async function measure(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpuBefore = cpuSeconds();
  const started = performance.now();
  await work();
  return { wall: (performance.now() - started) / 1000, cpu: cpuSeconds() - cpuBefore };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The 150-word script as ten scenes of about 15 words. */
function tenScenes(): string[] {
  return ENGLISH_150.flatMap((scene) => {
    const words = scene.text.split(/\s+/);
    const half = Math.ceil(words.length / 2);
    return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
  });
}

/** The same visuals for both variants: cards in every design, three photos and a clip. */
function visuals(photos: string[], clip: string): Visual[] {
  return tenScenes().map((_, i) => {
    if (i === 2 || i === 5 || i === 8) return { kind: 'image', path: photos[i % photos.length]! };
    if (i === 6) return { kind: 'video', path: clip, startAtSec: 0, audio: 'muted' };
    return { kind: 'card', design: CARD_DESIGNS[i % CARD_DESIGNS.length]!, palette: 'ocean', keywords: [] };
  });
}

function plan(dir: { narration: string; music: string; visuals: Visual[] }, moving: boolean, hasXfade: boolean): RenderPlanInput {
  const motions = MOTIONS.filter((m) => m !== 'none');
  const scenes = tenScenes().map((text, i) => ({
    text,
    visual: dir.visuals[i],
    motion: (moving ? motions[i % motions.length] : 'none') as Motion,
    transition: (moving ? (i % 2 && hasXfade ? 'crossfade' : 'fade') : 'cut') as Transition,
  }));
  const base = planFor(scenes, DURATION_SEC, { narration: dir.narration, music: dir.music });
  return { ...base, output: { aspect: '9:16', quality: 'standard' } };
}

export async function benchStoryboard(): Promise<void> {
  const load = loadavg()[0]!;
  const work = await mkdtemp(join(tmpdir(), 'rf-bench-storyboard-'));
  try {
    const narration = join(work, 'narration.wav');
    await run('espeak-ng', ['-v', 'en-us', '-s', '165', '-w', narration, tenScenes().join(' ')]);
    const photos = await Promise.all([0, 1, 2].map((i) => makeImage(work, `photo-${i}.jpg`, 2400, 1600)));
    const assets = { narration, music: await makeTone(work, DURATION_SEC), visuals: visuals(photos, await makeClip(work, 4)) };
    const { hasXfade } = await ffmpegBinary();
    const variants = { still: plan(assets, false, hasXfade), moving: plan(assets, true, hasXfade) };

    const renders: Record<keyof typeof variants, Array<{ wall: number; cpu: number }>> = { still: [], moving: [] };
    let outputSec = 0;
    for (let i = 0; i < RUNS; i++) {
      for (const name of ['still', 'moving'] as const) {
        const out = join(work, `${name}-${i}.mp4`);
        renders[name].push(await measure(() => renderVideo(variants[name], out)));
        outputSec = (await probeMedia(out)).durationSec;
        await rm(out, { force: true });
        console.log(`${name} run ${i + 1}: ${renders[name].at(-1)!.wall.toFixed(1)} s wall, ${renders[name].at(-1)!.cpu.toFixed(1)} s CPU`);
      }
    }

    const previewAt = (index: number) => (DURATION_SEC / 10) * index + 3;
    const previews: Array<{ what: string; wall: number[]; cpu: number[] }> = [];
    for (const [what, scene, name] of [
      ['card scene, no motion', 0, 'still'],
      ['card scene, zoom + transition', 0, 'moving'],
      ['photo scene, no motion', 2, 'still'],
      ['photo scene, pan + crossfade', 2, 'moving'],
      ['clip scene, no motion', 6, 'still'],
    ] as const) {
      const times = [];
      for (let i = 0; i < 3; i++) times.push(await measure(() => renderPreviewFrame(variants[name], previewAt(scene))));
      previews.push({ what, wall: times.map((t) => t.wall), cpu: times.map((t) => t.cpu) });
    }

    const row = (name: keyof typeof variants, label: string) =>
      `| ${label} | ${round(median(renders[name].map((r) => r.wall)), 1)} | ${round(median(renders[name].map((r) => r.cpu)), 1)} | ${round(DURATION_SEC / median(renders[name].map((r) => r.wall)), 2)}x |`;
    const still = median(renders.still.map((r) => r.cpu));
    const moving = median(renders.moving.map((r) => r.cpu));
    writeBenchmarkSection(
      'storyboard',
      `## Storyboard (stage 6): motion and transitions, live preview

Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}; load average ${round(load, 1)} before the run (the machine is shared, so wall times vary; CPU time is the steadier figure).
The 60-second 1080x1920 benchmark video: the 150-word script of \`bench/voice-scripts-150.ts\` in 10 scenes of 6 s, real espeak-ng narration, a music track ducked under it, burned word captions,
standard quality; visuals: 6 generated cards, 3 photos (2400x1600 JPEG) and a clip. "Moving" gives every scene a motion (zoom in/out, pan left/right) and a transition into it
(${hasXfade ? 'crossfade and fade through black alternating' : 'fade through black: this ffmpeg has no xfade'}); "still" is the same video with no motion and cuts. Median of ${RUNS} renders each, output ${round(outputSec, 2)} s.

| variant | wall s | CPU s | speed (video s per wall s) |
|---|---|---|---|
${row('still', 'still (no motion, cuts)')}
${row('moving', 'moving (motion + transition on every scene)')}

Motion and transitions cost ${round((moving / still - 1) * 100, 0)} % more CPU time (${round(moving - still, 1)} s) for the whole video.

Live preview in the storyboard screen (\`renderPreviewFrame\`: one frame through the same plan, filter graph and captions as the render; median of 3):

| frame | wall s | CPU s |
|---|---|---|
${previews.map((p) => `| ${p.what} | ${round(median(p.wall), 2)} | ${round(median(p.cpu), 2)} |`).join('\n')}`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
