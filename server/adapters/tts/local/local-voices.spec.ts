import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignSpokenText } from '../../../modules/voice/own-alignment.ts';
import { TtsCancelledError, TtsRequestError } from '../errors.ts';
import { scanModelFolder } from './model-folder.ts';
import { LocalVoiceProvider } from './provider.ts';
import { writeTinyVitsVoice } from './testing/tiny-vits-model.ts';

describe('local voice models (VOICE_MODELS_DIR through sherpa-onnx)', () => {
  let root = '';
  let provider: LocalVoiceProvider;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'voice-models-'));
    // A Piper voice without its tokens.txt and espeak-ng-data/.
    await mkdir(join(root, 'piper-missing'));
    await writeFile(join(root, 'piper-missing', 'ru_RU-irina-medium.onnx'), randomBytes(64));
    await writeFile(join(root, 'piper-missing', 'ru_RU-irina-medium.onnx.json'), JSON.stringify({ language: { code: 'ru_RU' } }));
    // Every file present, but the model is random bytes.
    await writeTinyVitsVoice(join(root, 'corrupt-en'), ['hello']);
    await writeFile(join(root, 'corrupt-en', 'model.onnx'), randomBytes(4096));
    // A real model (tiny, built here) that sherpa-onnx loads and runs.
    await writeTinyVitsVoice(join(root, 'tiny-en'), ['hello', 'world', 'again']);
    // A valid ONNX graph without sherpa-onnx's metadata, like a Piper voice not yet converted: the runtime exits.
    await writeTinyVitsVoice(join(root, 'unconverted-en'), ['hello'], { sample_rate: null, n_speakers: null, comment: null });
    await writeFile(join(root, 'stray.onnx'), randomBytes(16));
    provider = new LocalVoiceProvider({ modelsDir: root, align: (samples, text) => alignSpokenText(samples, text, 'en') });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('lists every model as a voice with its language, and the unusable ones with the reason', async () => {
    const voices = await provider.listVoices();
    expect(voices.map((v) => [v.id, v.language, v.unavailable?.reason ?? 'available'])).toEqual([
      ['corrupt-en', 'en', 'load-failed'],
      ['piper-missing', 'ru', 'missing-files'],
      ['stray.onnx', 'multi', 'missing-files'],
      ['tiny-en', 'en', 'available'],
      ['unconverted-en', 'en', 'load-failed'],
    ]);
    const byId = new Map(voices.map((v) => [v.id, v]));
    expect(byId.get('piper-missing')?.unavailable?.message).toBe('tokens.txt, espeak-ng-data/ or lexicon.txt missing in piper-missing/');
    expect(byId.get('corrupt-en')?.unavailable?.message).toMatch(/^the model could not be loaded: \S/);
    expect(byId.get('corrupt-en')?.unavailable?.message).not.toContain(root);
    expect(byId.get('unconverted-en')?.unavailable?.message).toBe("the model could not be loaded: 'sample_rate' does not exist in the metadata");
    expect(byId.get('stray.onnx')?.unavailable?.message).toMatch(/not in a folder of its own/);
    expect(voices.every((v) => v.provider === 'local' && v.name === v.id)).toBe(true);
  });

  it('filters by language, keeping voices that do not say theirs', async () => {
    expect((await provider.listVoices('ru')).map((v) => v.id)).toEqual(['piper-missing', 'stray.onnx']);
  });

  it('refuses an unusable or unknown voice with a request error, and the server process lives on', async () => {
    const request = { text: 'Hello.', language: 'en', speed: 1 };
    await expect(provider.synthesize({ ...request, voiceId: 'corrupt-en' })).rejects.toThrow(/the voice "corrupt-en" is unavailable: the model could not be loaded/);
    await expect(provider.synthesize({ ...request, voiceId: 'piper-missing' })).rejects.toBeInstanceOf(TtsRequestError);
    await expect(provider.synthesize({ ...request, voiceId: 'nobody' })).rejects.toThrow(/no voice model "nobody"/);
    expect((await provider.listVoices('en')).find((v) => v.id === 'tiny-en')?.unavailable).toBeUndefined();
  });

  it('synthesises with a working model and times its words by aligning the audio', async () => {
    const result = await provider.synthesize({ text: 'Hello world again.', voiceId: 'tiny-en', language: 'en', speed: 1 });
    expect(result.format).toBe('pcm_s16le');
    expect(result.sampleRate).toBe(16_000);
    // 5 + 1 + 5 + 1 + 5 + 1 tokens of 80 ms, and the blank after the full stop.
    expect(result.audio.length).toBe(19 * 1280 * 2);
    const words = result.alignment?.items ?? [];
    expect(result.alignment?.unit).toBe('word');
    expect(words.map((w) => w.text)).toEqual(['Hello', 'world', 'again.']);
    // The model spoke "world" from 0.48 s and "again" from 0.96 s.
    expect(Math.abs(words[1]!.start - 0.48)).toBeLessThan(0.1);
    expect(Math.abs(words[2]!.start - 0.96)).toBeLessThan(0.1);
    expect(words.every((w, i) => w.start < w.end && (i === 0 || words[i - 1]!.end <= w.start))).toBe(true);
  });

  it('stops the model process when the narration is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const request = { text: 'Hello world.', voiceId: 'tiny-en', language: 'en', speed: 1, signal: controller.signal };
    await expect(provider.synthesize(request)).rejects.toBeInstanceOf(TtsCancelledError);
  });

  it('changes its fingerprint when a model file changes', async () => {
    const before = provider.fingerprint;
    await writeTinyVitsVoice(join(root, 'tiny-en'), ['hello', 'world', 'again', 'more']);
    expect(provider.fingerprint).not.toBe(before);
  });

  it('finds nothing in a folder that does not exist', () => {
    expect(scanModelFolder(join(root, 'nowhere'))).toEqual([]);
  });
});
