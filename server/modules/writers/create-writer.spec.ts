import { describe, expect, it } from 'vitest';
import { generatedScriptSchema } from '../../../contracts/script.ts';
import { createWriter } from './create-writer.ts';
import { LlmError } from '../../adapters/llm/llm-error.ts';

describe('createWriter', () => {
  it('builds the offline writer, which really writes', async () => {
    const writer = createWriter({ provider: 'offline' }, { now: () => new Date('2024-03-13T00:00:00Z') });
    expect(writer.kind).toBe('offline');
    const text = 'Copenhagen switched on a seawater heat pump on Tuesday. It will warm 25,000 homes. It cost 150 million euros.';
    const fresh = await writer.analyse({ text, publishedAt: '2024-03-12T07:30:00Z' });
    const stale = await writer.analyse({ text, publishedAt: '2021-03-12T07:30:00Z' });
    expect(fresh.breakdown.news).toBeGreaterThan(stale.breakdown.news);
    expect(fresh.analyser).toBe('offline');
    const script = await writer.writeScript({ text, language: 'en', format: 'news', targetSec: 20 });
    expect(generatedScriptSchema.parse(script).writer).toBe('offline');
    const regenerated = await writer.regenerateScene({ script, sceneId: 's1', source: { text, language: 'en', format: 'news', targetSec: 20 } });
    expect(regenerated.scenes[0]?.variants[0]?.id).not.toBe(script.scenes[0]?.variants[0]?.id);
    const metadata = await writer.draftPublishMetadata({ language: 'en', scenes: script.scenes.map((s) => ({ role: s.role, text: s.variants[0]?.text ?? '' })) });
    expect(metadata.hashtags).toContain('#shorts');
  });

  it('picks the provider from the configuration', () => {
    expect(createWriter({ provider: 'openai', baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' }).kind).toBe('openai');
    expect(createWriter({ provider: 'anthropic', apiKey: 'k', model: 'claude-sonnet-4-20250514' }).kind).toBe('anthropic');
  });

  it('names the bad field of a bad configuration', () => {
    expect(() => createWriter({ provider: 'openai', baseUrl: 'ftp://x', model: 'm' })).toThrow(/baseUrl/);
    expect(() => createWriter({ provider: 'anthropic', model: 'm' })).toThrow(/apiKey/);
    expect(() => createWriter({ provider: 'gemini' })).toThrow(LlmError);
  });
});
