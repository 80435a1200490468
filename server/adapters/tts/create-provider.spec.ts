import { describe, expect, it } from 'vitest';
import { createTtsProvider, parseVoiceList, ttsConfigsFromEnv } from './create-provider.ts';

describe('TTS provider configuration', () => {
  it('always offers espeak and adds remote voices only when configured', () => {
    expect(Object.keys(ttsConfigsFromEnv({}))).toEqual(['espeak']);
    const configs = ttsConfigsFromEnv({
      ELEVENLABS_API_KEY: 'el',
      ELEVENLABS_MODEL: 'eleven_flash_v2_5',
      OPENAI_TTS_BASE_URL: 'http://localhost:8880/v1',
      OPENAI_TTS_MODEL: 'kokoro',
      OPENAI_TTS_FORMAT: 'mp3',
      OPENAI_TTS_VOICES: 'af_bella:Bella:en:female, ru_RU-irina-medium:Irina:ru',
    });
    expect(configs.elevenlabs).toMatchObject({ provider: 'elevenlabs', apiKey: 'el', modelId: 'eleven_flash_v2_5' });
    expect(configs.openai).toMatchObject({ provider: 'openai', baseUrl: 'http://localhost:8880/v1', model: 'kokoro', responseFormat: 'mp3', apiKey: undefined });
    expect(createTtsProvider(configs.openai!).fingerprint).toContain('kokoro');
    expect(createTtsProvider(configs.elevenlabs!).id).toBe('elevenlabs');
    expect(ttsConfigsFromEnv({ OPENAI_API_KEY: 'sk' }).openai).toMatchObject({ baseUrl: 'https://api.openai.com/v1', apiKey: 'sk' });
  });

  it('names the variable when a value is wrong', () => {
    expect(() => ttsConfigsFromEnv({ ESPEAK_NG_ENGINE: 'gpu' })).toThrow(/ESPEAK_NG_ENGINE/);
    expect(() => ttsConfigsFromEnv({ OPENAI_TTS_BASE_URL: 'http://x/v1', OPENAI_TTS_FORMAT: 'ogg' })).toThrow(/OPENAI_TTS_FORMAT/);
    expect(() => createTtsProvider({ provider: 'elevenlabs', apiKey: '' })).toThrow(/API key/);
  });

  it('parses a configured voice list', () => {
    expect(parseVoiceList('alloy, nova:Nova::female')).toEqual([
      { id: 'alloy', name: 'alloy', language: 'multi' },
      { id: 'nova', name: 'Nova', language: 'multi', gender: 'female' },
    ]);
  });
});
