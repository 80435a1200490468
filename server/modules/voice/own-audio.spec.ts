import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeToPcm, writeWav } from '../../adapters/ffmpeg/audio.ts';
import { measureLoudness } from '../../adapters/ffmpeg/loudness.ts';
import { probeMedia } from '../../adapters/ffmpeg/probe.ts';
import { runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { espeakWav } from '../../adapters/tts/testing/speech-audio.ts';
import { convertOwnAudio, detectAudioKind, inspectOwnAudio, OwnAudioError } from './own-audio.ts';
import { findPauses, joinWithGaps } from './pcm.ts';
import { proposeSceneBoundaries, timeScenesWithin } from './reading-speed.ts';
import { expectUsableTimings } from './testing/expect-timings.ts';
import { RUSSIAN_SCENES } from './testing/scripts.ts';

describe('own audio', () => {
  let dir = '';
  let speech = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-own-audio-'));
    speech = join(dir, 'speech.wav');
    await writeFile(speech, espeakWav('This is my own voice over, recorded at home.', 'en-us'));
    const encode = (name: string, args: string[]) => runFfmpeg(['-y', '-i', speech, ...args, join(dir, name)]);
    await encode('voice.mp3', ['-c:a', 'libmp3lame']);
    await encode('voice.m4a', ['-c:a', 'aac']);
    await encode('voice.ogg', ['-c:a', 'libvorbis']);
    await encode('voice.opus.ogg', ['-c:a', 'libopus', '-ar', '48000']);
    await encode('voice.webm', ['-c:a', 'libopus', '-ar', '48000']);
    await runFfmpeg(['-y', '-f', 'lavfi', '-i', 'testsrc=size=64x64:rate=10:duration=1', '-i', speech, '-shortest', '-c:v', 'mpeg4', '-c:a', 'aac', join(dir, 'clip.mp4')]);
    await runFfmpeg(['-y', '-f', 'lavfi', '-i', 'testsrc=size=64x64', '-frames:v', '1', join(dir, 'picture.png')]);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('accepts MP3, WAV, M4A and OGG by content, whatever the name', async () => {
    const cases: Array<[string, string]> = [
      ['voice.mp3', 'mp3'],
      ['speech.wav', 'wav'],
      ['voice.m4a', 'm4a'],
      ['voice.ogg', 'ogg'],
      ['voice.opus.ogg', 'ogg'],
    ];
    for (const [name, kind] of cases) {
      const misnamed = join(dir, `${name}.renamed.txt`);
      await writeFile(misnamed, await readFile(join(dir, name)));
      const info = await inspectOwnAudio(misnamed);
      expect(info.kind).toBe(kind);
      expect(Math.abs(info.durationSec - 2.9)).toBeLessThan(0.8);
    }
  });

  it('refuses renamed non-audio files, video and WebM (unless recorded in the browser) with a clear error', async () => {
    const picture = join(dir, 'picture-renamed.mp3');
    await writeFile(picture, await readFile(join(dir, 'picture.png')));
    const refused = await inspectOwnAudio(picture).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OwnAudioError);
    expect((refused as OwnAudioError).code).toBe('unsupported-type');
    expect((refused as Error).message).toMatch(/image\/png.*MP3, WAV, M4A, OGG/);

    const text = join(dir, 'notes.wav');
    await writeFile(text, 'RIFF? no, just some text pretending to be a WAV file.');
    await expect(inspectOwnAudio(text)).rejects.toThrow(/not a recognisable file type/);

    await expect(inspectOwnAudio(join(dir, 'clip.mp4'))).rejects.toThrow(/holds video/);
    await expect(inspectOwnAudio(join(dir, 'voice.webm'))).rejects.toThrow(OwnAudioError);
    expect((await inspectOwnAudio(join(dir, 'voice.webm'), { allowRecording: true })).kind).toBe('webm');
  });

  it('refuses files over the size limit and empty files before reading them', async () => {
    const big = await inspectOwnAudio(join(dir, 'speech.wav'), { maxBytes: 1000 }).catch((e: unknown) => e);
    expect((big as OwnAudioError).code).toBe('too-large');
    const empty = join(dir, 'empty.mp3');
    await writeFile(empty, '');
    expect(((await inspectOwnAudio(empty).catch((e: unknown) => e)) as OwnAudioError).code).toBe('empty');
    await expect(detectAudioKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).rejects.toThrow(/unsupported audio/);
  });

  it('converts to the 48 kHz mono track format at -14 LUFS', async () => {
    const output = join(dir, 'converted.wav');
    const result = await convertOwnAudio(join(dir, 'voice.m4a'), output);
    const info = await probeMedia(output);
    expect(info.streams[0]).toMatchObject({ codecName: 'pcm_s16le', sampleRate: 48_000, channels: 1 });
    expect(Math.abs(result.durationSec - info.durationSec)).toBeLessThan(0.01);
    const loudness = await measureLoudness(output);
    expect(Math.abs(loudness.integratedLufs - -14)).toBeLessThanOrEqual(1);
    expect(loudness.truePeakDbtp).toBeLessThanOrEqual(-1);

    const plain = await convertOwnAudio(join(dir, 'voice.ogg'), join(dir, 'plain.wav'), { normalize: false });
    expect(plain.loudness).toBeUndefined();
    expect((await probeMedia(join(dir, 'plain.wav'))).streams[0]?.sampleRate).toBe(48_000);
  });

  it('proposes scene boundaries at the pauses of a recording and times words inside each scene', async () => {
    const parts = await Promise.all(
      RUSSIAN_SCENES.map((scene) => decodeToPcm({ data: espeakWav(scene.text, 'ru'), format: 'wav' })),
    );
    const gap = 0.8 * 48_000;
    const { samples, offsets } = joinWithGaps(parts, parts.map(() => gap));
    const recording = join(dir, 'recording.wav');
    await writeWav(recording, samples, 48_000);
    const durationSec = samples.length / 48_000;
    const realCuts = offsets.slice(1).map((offset) => offset / 48_000 - 0.4);

    const even = proposeSceneBoundaries(RUSSIAN_SCENES, durationSec, { weightByWords: false });
    expect(even.map((b) => b.end - b.start).every((len) => Math.abs(len - durationSec / 3) < 0.01)).toBe(true);

    const pauses = findPauses(samples, 48_000, { minSec: 0.3 });
    const snapped = proposeSceneBoundaries(RUSSIAN_SCENES, durationSec, { pauses });
    snapped.slice(1).forEach((boundary, i) => expect(Math.abs(boundary.start - realCuts[i]!)).toBeLessThan(0.3));
    expect(snapped[0]!.start).toBe(0);
    expect(snapped.at(-1)!.end).toBeCloseTo(durationSec, 2);

    const timings = timeScenesWithin(RUSSIAN_SCENES, snapped, durationSec, 'ru');
    expectUsableTimings(timings, RUSSIAN_SCENES);
    const overlapping = snapped.map((b, i) => (i === 1 ? { ...b, start: 0 } : b));
    expect(() => timeScenesWithin(RUSSIAN_SCENES, overlapping, durationSec, 'ru')).toThrow(/boundaries: scene "body"/);
    const tooLong = snapped.map((b, i) => (i === 2 ? { ...b, end: durationSec + 1 } : b));
    expect(() => timeScenesWithin(RUSSIAN_SCENES, tooLong, durationSec, 'ru')).toThrow(/boundaries: scene "cta"/);
  });
});
