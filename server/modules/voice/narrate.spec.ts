import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPEAKING_RATE_WPS, type Language } from '../../../contracts/formats.ts';
import { measureLoudness } from '../../adapters/ffmpeg/loudness.ts';
import { probeMedia } from '../../adapters/ffmpeg/probe.ts';
import { EspeakProvider } from '../../adapters/tts/espeak/provider.ts';
import { TtsCancelledError } from '../../adapters/tts/errors.ts';
import { NarrationInputError } from './errors.ts';
import { narrate, type NarrationProgress } from './narrate.ts';
import { expectUsableTimings } from './testing/expect-timings.ts';
import { ENGLISH_SCENES, RUSSIAN_SCENES } from './testing/scripts.ts';
import { countWords } from './words.ts';

describe('narration with the embedded espeak-ng voice', () => {
  let root = '';
  const espeak = new EspeakProvider({ engine: 'binary' });
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rf-narrate-'));
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  const cases: Array<[Language, typeof ENGLISH_SCENES, string]> = [
    ['en', ENGLISH_SCENES, 'en-us'],
    ['ru', RUSSIAN_SCENES, 'ru'],
  ];
  for (const [language, scenes, voiceId] of cases) {
    it(`narrates ${language}: duration near words / speaking rate, usable timings, -14 LUFS, per-scene files`, async () => {
      const progress: NarrationProgress[] = [];
      const result = await narrate({
        scenes,
        language,
        provider: espeak,
        voiceId,
        cacheDir: join(root, `cache-${language}`),
        workDir: join(root, `work-${language}`),
        onProgress: (p) => progress.push(p),
      });

      const words = scenes.reduce((sum, s) => sum + countWords(s.text), 0);
      const expected = words / SPEAKING_RATE_WPS[language];
      expect(Math.abs(result.durationSec - expected) / expected).toBeLessThanOrEqual(0.25);
      expectUsableTimings(result, scenes);
      expect(result.segments[0]?.start).toBe(0);
      expect(Object.values(result.timingSource)).toEqual(['phrases', 'phrases', 'phrases']);

      const info = await probeMedia(result.trackFile);
      expect(info.streams[0]).toMatchObject({ codecType: 'audio', codecName: 'pcm_s16le', sampleRate: 48_000, channels: 1 });
      expect(Math.abs(info.durationSec - result.durationSec)).toBeLessThan(0.002);
      const loudness = await measureLoudness(result.trackFile);
      expect(Math.abs(loudness.integratedLufs - -14)).toBeLessThanOrEqual(1);
      expect(loudness.truePeakDbtp).toBeLessThanOrEqual(-1);

      expect(result.sceneFiles.map((f) => f.sceneId)).toEqual(scenes.map((s) => s.id));
      for (const [i, sceneFile] of result.sceneFiles.entries()) {
        const segment = result.segments[i]!;
        expect(Math.abs((await probeMedia(sceneFile.file)).durationSec - (segment.end - segment.start))).toBeLessThan(0.002);
      }
      expect(result.synthesizedSceneIds).toEqual(scenes.map((s) => s.id));
      expect(result.reusedSceneIds).toEqual([]);
      expect(progress.at(-1)).toMatchObject({ phase: 'done', fraction: 1, scenesDone: 3, scenesTotal: 3 });
      for (let i = 1; i < progress.length; i++) expect(progress[i]!.fraction).toBeGreaterThanOrEqual(progress[i - 1]!.fraction);
    });
  }

  it('regenerating one changed scene re-synthesises only that scene', async () => {
    const cacheDir = join(root, 'cache-reuse');
    const base = { language: 'en' as const, provider: espeak, voiceId: 'en-gb+f2', cacheDir };
    const first = await narrate({ ...base, scenes: ENGLISH_SCENES, workDir: join(root, 'reuse-1') });
    expect(first.synthesisCalls).toBeGreaterThan(3);

    const edited = ENGLISH_SCENES.map((s) => (s.id === 'body' ? { ...s, text: 'The secret is simple: start strong and keep one idea per video.' } : s));
    const second = await narrate({ ...base, scenes: edited, workDir: join(root, 'reuse-2') });
    expect(second.reusedSceneIds).toEqual(['hook', 'cta']);
    expect(second.synthesizedSceneIds).toEqual(['body']);
    expect(second.synthesisCalls).toBeGreaterThan(0);
    expect(second.synthesisCalls).toBeLessThan(first.synthesisCalls);
    const length = (r: typeof first, id: string) => {
      const s = r.segments.find((x) => x.sceneId === id)!;
      return s.end - s.start;
    };
    expect(length(second, 'hook')).toBeCloseTo(length(first, 'hook'), 3);
    expectUsableTimings(second, edited);

    const third = await narrate({ ...base, scenes: edited, workDir: join(root, 'reuse-3') });
    expect(third.synthesisCalls).toBe(0);
    expect(third.reusedSceneIds).toEqual(['hook', 'body', 'cta']);

    const faster = await narrate({ ...base, scenes: edited, speed: 1.3, workDir: join(root, 'reuse-4') });
    expect(faster.reusedSceneIds).toEqual([]);
    expect(faster.durationSec).toBeLessThan(third.durationSec);
  });

  it('narrates with the WASM build when the binary is absent', async () => {
    const wasm = new EspeakProvider({ engine: 'wasm' });
    try {
      const scenes = RUSSIAN_SCENES.slice(0, 2);
      const result = await narrate({ scenes, language: 'ru', provider: wasm, voiceId: 'ru+f3', cacheDir: join(root, 'cache-wasm'), workDir: join(root, 'work-wasm') });
      expectUsableTimings(result, scenes);
      const loudness = await measureLoudness(result.trackFile);
      expect(Math.abs(loudness.integratedLufs - -14)).toBeLessThanOrEqual(1);
    } finally {
      await wasm.close();
    }
  });

  it('inserts the configured pause between scenes', async () => {
    const scenes = [
      { id: 'a', text: 'First scene.' },
      { id: 'b', text: 'Second scene.' },
    ];
    const options = { scenes, language: 'en' as const, provider: espeak, voiceId: 'en-us', cacheDir: join(root, 'cache-pause') };
    const short = await narrate({ ...options, pauseSec: 0.2, workDir: join(root, 'pause-short') });
    const long = await narrate({ ...options, pauseSec: 1.2, workDir: join(root, 'pause-long') });
    expect(short.segments[1]!.start - short.segments[0]!.end).toBeCloseTo(0.2, 2);
    expect(long.segments[1]!.start - long.segments[0]!.end).toBeCloseTo(1.2, 2);
    expect(long.durationSec - short.durationSec).toBeCloseTo(1, 2);
  });

  it('refuses bad input naming the field, and stops when cancelled', async () => {
    const options = { language: 'en' as const, provider: espeak, voiceId: 'en-us', cacheDir: join(root, 'cache-bad'), workDir: join(root, 'work-bad') };
    await expect(narrate({ ...options, scenes: [] })).rejects.toThrow(NarrationInputError);
    await expect(narrate({ ...options, scenes: [{ id: 'a', text: 'One.' }, { id: 'a', text: 'Two.' }] })).rejects.toThrow(/scenes\[1\]\.id/);
    await expect(narrate({ ...options, scenes: [{ id: 'a', text: ' — ' }] })).rejects.toThrow(/scenes\[0\]\.text/);
    await expect(narrate({ ...options, scenes: [{ id: 'a', text: 'Hi.' }], pauseSec: 9 })).rejects.toThrow(/pauseSec/);

    const controller = new AbortController();
    const running = narrate({ ...options, scenes: ENGLISH_SCENES, voiceId: 'en-us+m3', signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(running).rejects.toSatisfy((e: unknown) => e instanceof TtsCancelledError || (e as Error).name === 'AbortError' || /cancel/i.test(String(e)));
    await expect(stat(join(root, 'work-bad', 'narration.wav'))).rejects.toThrow();
  });
});
