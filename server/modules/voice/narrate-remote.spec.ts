import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ElevenLabsProvider } from '../../adapters/tts/elevenlabs.ts';
import { TtsAuthError } from '../../adapters/tts/errors.ts';
import { OpenAiCompatibleProvider } from '../../adapters/tts/openai-compatible.ts';
import { startFakeElevenLabs } from '../../adapters/tts/testing/fake-elevenlabs.ts';
import { startFakeOpenAiSpeech } from '../../adapters/tts/testing/fake-openai-speech.ts';
import { narrate } from './narrate.ts';
import { splitPhrases } from './phrases.ts';
import { expectUsableTimings } from './testing/expect-timings.ts';
import { ENGLISH_SCENES, RUSSIAN_SCENES } from './testing/scripts.ts';
import { localFetch } from '../../adapters/http/testing/local-fetch.ts';

describe('narration with remote voices (local fakes speaking their wire formats)', () => {
  let root = '';
  let elevenLabs: Awaited<ReturnType<typeof startFakeElevenLabs>>;
  let openAi: Awaited<ReturnType<typeof startFakeOpenAiSpeech>>;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rf-narrate-remote-'));
    elevenLabs = await startFakeElevenLabs({ apiKey: 'el-key', leadSec: 0.4 });
    openAi = await startFakeOpenAiSpeech({ voiceList: 'objects' });
  });
  afterAll(async () => {
    await Promise.all([elevenLabs.close(), openAi.close(), rm(root, { recursive: true, force: true })]);
  });

  it('takes word times from the ElevenLabs character alignment, shifted by the trimmed silence', async () => {
    const provider = new ElevenLabsProvider({ apiKey: 'el-key', baseUrl: elevenLabs.url, fetch: localFetch(elevenLabs.url), maxRetries: 0 });
    const result = await narrate({
      scenes: RUSSIAN_SCENES,
      language: 'ru',
      provider,
      voiceId: 'ru0voice0dmitry',
      cacheDir: join(root, 'cache-el'),
      workDir: join(root, 'work-el'),
    });
    expectUsableTimings(result, RUSSIAN_SCENES);
    expect(Object.values(result.timingSource)).toEqual(['alignment', 'alignment', 'alignment']);
    expect(result.synthesisCalls).toBe(3);

    for (const segment of result.segments) {
      const scene = RUSSIAN_SCENES.find((s) => s.id === segment.sceneId)!;
      const sent = elevenLabs.alignments.find((a) => a.text === scene.text)!;
      const words = segment.words!;
      // The 0.4 s of leading silence is trimmed: speech starts right at the scene start.
      expect(words[0]!.start - segment.start).toBeLessThan(0.05);
      // Relative word positions are the provider's own, to the millisecond.
      const firstChar = sent.starts[0]!;
      let charIndex = 0;
      for (const word of words) {
        const at = scene.text.indexOf(word.word, charIndex);
        charIndex = at + word.word.length;
        expect(word.start - words[0]!.start).toBeCloseTo(sent.starts[at]! - firstChar, 2);
      }
    }
  });

  it('times phrases itself with an OpenAI-compatible voice that gives no alignment', async () => {
    const provider = new OpenAiCompatibleProvider({ baseUrl: `${openAi.url}/v1`, fetch: localFetch(openAi.url), model: 'kokoro', responseFormat: 'mp3' });
    const before = openAi.requests.length;
    const result = await narrate({
      scenes: ENGLISH_SCENES,
      language: 'en',
      provider,
      voiceId: 'af_bella',
      speed: 1.1,
      cacheDir: join(root, 'cache-openai'),
      workDir: join(root, 'work-openai'),
    });
    expectUsableTimings(result, ENGLISH_SCENES);
    const phrases = ENGLISH_SCENES.flatMap((s) => splitPhrases(s.text));
    expect(result.synthesisCalls).toBe(phrases.length);
    const inputs = openAi.requests.slice(before).map((r) => (JSON.parse(r.body) as { input: string; speed: number }));
    expect(inputs.map((i) => i.input).sort()).toEqual(phrases.map((p) => p.text).sort());
    expect(inputs.every((i) => i.speed === 1.1)).toBe(true);
  });

  it('fails with the provider’s typed error when the key is wrong', async () => {
    const provider = new ElevenLabsProvider({ apiKey: 'wrong', baseUrl: elevenLabs.url, fetch: localFetch(elevenLabs.url), maxRetries: 0 });
    const run = narrate({ scenes: ENGLISH_SCENES, language: 'en', provider, voiceId: '21m00Tcm4TlvDq8ikWAM', cacheDir: join(root, 'c'), workDir: join(root, 'w') });
    await expect(run).rejects.toThrow(TtsAuthError);
  });
});
