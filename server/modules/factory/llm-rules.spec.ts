import { afterEach, describe, expect, it } from 'vitest';
import { localFetch } from '../../adapters/http/testing/local-fetch.ts';
import { openAiCompletion, startFakeProvider } from '../../adapters/llm/__fixtures__/fake-provider.ts';
import { createOpenAiCompatibleTransport } from '../../adapters/llm/openai-compatible.ts';
import { rulesFromNotesByLlm } from './llm-rules.ts';

let fake: Awaited<ReturnType<typeof startFakeProvider>> | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

describe('writing rules found by the LLM', () => {
  it('sends the note to the chat endpoint and returns the rules it found', async () => {
    fake = await startFakeProvider(() => ({ status: 200, body: openAiCompletion(JSON.stringify({ rules: ['Never open with a question', 'Name the city in the hook'] })) }));
    const transport = createOpenAiCompatibleTransport({ baseUrl: `${fake.origin}/v1`, model: 'gpt-4o-mini', apiKey: 'sk-test', fetch: localFetch(fake.origin) });
    const rules = await rulesFromNotesByLlm(transport, 'Please never open with a question, and the city belongs in the hook. Also fix the typo in scene 2.');
    expect(rules).toEqual(['Never open with a question', 'Name the city in the hook']);
    const [request] = fake.requests;
    expect(request!.path).toBe('/v1/chat/completions');
    expect(request!.headers.authorization).toBe('Bearer sk-test');
    expect(JSON.stringify(request!.body.messages)).toContain('fix the typo in scene 2');
    expect(request!.body.response_format.json_schema.name).toBe('writing_rules');
  });

  it('fails on an answer that is not a list of rules, so the keyword rules take over', async () => {
    fake = await startFakeProvider(() => ({ status: 200, body: openAiCompletion(JSON.stringify({ rules: 'be nice' })) }));
    const transport = createOpenAiCompatibleTransport({ baseUrl: `${fake.origin}/v1`, model: 'm', apiKey: 'sk-test', fetch: localFetch(fake.origin) });
    await expect(rulesFromNotesByLlm(transport, 'Never open with a question')).rejects.toThrow();
  });
});
