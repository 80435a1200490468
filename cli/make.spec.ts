import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../server/adapters/ffmpeg/probe.ts';
import { runCliProcess } from './testing/run-cli.ts';
import { ENGLISH_ARTICLE, RUSSIAN_ARTICLE } from './testing/texts.ts';

/** SRT cues as [start, end, text]. */
function cues(srt: string): Array<[number, number, string]> {
  const time = (t: string) => t.split(/[:,]/).map(Number).reduce((sum, part, i) => sum + part * [3600, 60, 1, 0.001][i]!, 0);
  return srt
    .trim()
    .split(/\n\n+/)
    .map((block) => {
      const [, timing, ...text] = block.split('\n');
      const [start, end] = timing!.split(' --> ');
      return [time(start!), time(end!), text.join(' ')];
    });
}

describe('reelforge make in this process (embedded defaults)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['en', ENGLISH_ARTICLE, 'article.txt', /heat/i],
    ['ru', RUSSIAN_ARTICLE, 'статья.md', /[а-яё]/i],
  ] as const)('makes a playable MP4 and an SRT from a %s text file', async (language, text, name, words) => {
    const input = join(dir, name);
    await writeFile(input, text);
    const output = join(dir, `video-${language}.mp4`);
    const run = await runCliProcess(['make', input, '-o', output, '--format', 'news', '--duration', '10', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ ok: true, language, format: 'news', video: output, srt: join(dir, `video-${language}.srt`), mode: 'local' });

    const info = await probeMedia(output);
    expect(info.streams.find((s) => s.codecType === 'video')).toMatchObject({ codecName: 'h264', width: 1080, height: 1920, fps: 30 });
    expect(info.streams.find((s) => s.codecType === 'audio')).toMatchObject({ codecName: 'aac' });
    expect(Math.abs(info.durationSec - (result.durationSec as number))).toBeLessThan(0.2);
    expect(info.durationSec).toBeGreaterThan(3);

    const srt = cues(await readFile(join(dir, `video-${language}.srt`), 'utf8'));
    expect(srt.length).toBeGreaterThan(2);
    expect(srt.map((c) => c[2]).join(' ')).toMatch(words);
    for (const [start, end] of srt) {
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(info.durationSec + 0.5);
    }
    // Progress went to standard error, one JSON line per update, ending with the render.
    const events = run.stderr.trim().split('\n').map((line) => JSON.parse(line) as { event: string; stage: string });
    expect([...new Set(events.map((e) => e.stage))]).toEqual(['import', 'analyse', 'script', 'voice', 'visuals', 'render']);
    // Nothing half-written is left beside the outputs.
    expect((await readdir(dir)).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('reads standard input and shows plain progress lines when not on a terminal', async () => {
    const output = join(dir, 'stdin.mp4');
    const run = await runCliProcess(['make', '-', '-o', output, '--aspect', '1:1', '--duration', '5', '--format', 'news'], { stdin: ENGLISH_ARTICLE });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Video: ${output}`);
    expect(run.stdout).toContain(`Captions: ${join(dir, 'stdin.srt')}`);
    expect(run.stderr).toMatch(/^\[voice\] \d+% /m);
    expect(run.stderr).toContain('[render] done in');
    expect((await probeMedia(output)).streams.find((s) => s.codecType === 'video')).toMatchObject({ width: 1080, height: 1080 });
  });
});
