import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTranscriber } from '../../modules/media-sources/testing/media-fixtures.ts';
import { encodeWav } from '../ffmpeg/audio.ts';
import { createPinnedFetch } from '../http/pinned-fetch.ts';
import { OpenAiTranscriber } from './openai-transcriptions.ts';
import { TranscriptionError } from './types.ts';
import { readWhisperJson, whisperCppSetup } from './whisper-cpp.ts';

describe('whisper.cpp transcriber', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'whisper-spec-'));
    await writeFile(join(dir, 'ggml-base.bin'), 'not really a model');
  });

  it('says why it cannot run: no model path, a missing model file, or no CLI', () => {
    expect(whisperCppSetup(undefined, undefined)).toEqual({ reason: 'WHISPER_MODEL_PATH is not set' });
    expect(whisperCppSetup(join(dir, 'missing.bin'), undefined)).toEqual({ reason: expect.stringMatching(/model file .*missing\.bin \(WHISPER_MODEL_PATH\) does not exist/) });
    expect(whisperCppSetup(join(dir, 'ggml-base.bin'), '/nonexistent/whisper-cli')).toEqual({ reason: expect.stringMatching(/whisper\.cpp CLI \(\/nonexistent\/whisper-cli\) is not installed/) });
  });

  it('reads the -oj -ml 1 -sow output: one word per segment, times in ms, punctuation joined, language detected', () => {
    const json = JSON.stringify({
      result: { language: 'ru' },
      transcription: [
        { offsets: { from: 0, to: 420 }, text: ' Город' },
        { offsets: { from: 420, to: 900 }, text: ' открыл' },
        { offsets: { from: 900, to: 1300 }, text: ' мост' },
        { offsets: { from: 1300, to: 1310 }, text: '.' },
        { offsets: { from: 1400, to: 1500 }, text: ' [MUSIC]' },
      ],
    });
    expect(readWhisperJson(json)).toEqual({
      text: 'Город открыл мост.',
      detectedLanguage: 'ru',
      language: 'ru',
      words: [
        { word: 'Город', start: 0, end: 0.42 },
        { word: 'открыл', start: 0.42, end: 0.9 },
        { word: 'мост.', start: 0.9, end: 1.3 },
      ],
      durationSec: 1.3,
      provider: 'whisper-cpp',
    });
    expect(() => readWhisperJson('{oops')).toThrow(TranscriptionError);
  });
});

describe('OpenAI-compatible transcriber against a fake server', () => {
  let server: Awaited<ReturnType<typeof startFakeTranscriber>>;
  let audio: string;
  const fetch = () => createPinnedFetch({ allowPrivateHosts: [new URL(server.url).host] });
  beforeAll(async () => {
    server = await startFakeTranscriber({ apiKey: 'stt-key', text: 'Привет, это проверка.', language: 'russian' });
    audio = join(await mkdtemp(join(tmpdir(), 'stt-spec-')), 'speech.wav');
    await writeFile(audio, encodeWav(new Float32Array(1600), 16_000));
  });
  afterAll(() => server.close());

  it('sends the documented multipart request and maps language names to codes', async () => {
    const transcript = await new OpenAiTranscriber({ baseUrl: `${server.url}/v1/`, apiKey: 'stt-key', model: 'whisper-1', fetch: fetch() }).transcribe(audio);
    expect(transcript).toMatchObject({ text: 'Привет, это проверка.', detectedLanguage: 'ru', language: 'ru', provider: 'openai-stt' });
    expect(transcript.words.map((w) => w.word)).toEqual(['Привет', 'это', 'проверка']);
    const sent = server.requests.at(-1)!;
    expect(sent.body).toContain('name="model"\r\n\r\nwhisper-1');
    expect(sent.body).toContain('name="timestamp_granularities[]"\r\n\r\nword');
  });

  it('reports a refused key by status only, never with the server’s body', async () => {
    const error = await new OpenAiTranscriber({ baseUrl: `${server.url}/v1`, apiKey: 'wrong', model: 'whisper-1', fetch: fetch() }).transcribe(audio).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionError);
    expect((error as Error).message).toMatch(/refused the API key \(HTTP 401\)/);
    expect((error as Error).message).not.toContain('secret-detail');
  });

  it('refuses a private server that is not allowed', async () => {
    const error = await new OpenAiTranscriber({ baseUrl: `${server.url}/v1`, apiKey: 'stt-key', model: 'whisper-1', fetch: createPinnedFetch() }).transcribe(audio).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/could not be reached/);
    expect(server.requests.filter((r) => r.headers.authorization === 'Bearer stt-key')).toHaveLength(1);
  });
});
