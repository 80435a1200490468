import { afterEach, describe, expect, it } from 'vitest';
import { analysisResultSchema } from '../../../../contracts/analysis.ts';
import type { WriteScriptInput } from '../../../../contracts/script.ts';
import { generatedScriptSchema } from '../../../../contracts/script.ts';
import { ANALYSIS_DRAFT, scriptDraft } from '../__fixtures__/drafts.ts';
import type { FakeResponse, RecordedRequest } from '../../../adapters/llm/__fixtures__/fake-provider.ts';
import { anthropicError, anthropicText, anthropicToolUse, startFakeProvider } from '../../../adapters/llm/__fixtures__/fake-provider.ts';
import { createWriter } from '../create-writer.ts';
import { LlmError } from '../../../adapters/llm/llm-error.ts';
import { scenePlan } from '../scene-budget.ts';
import { localFetch } from '../../../adapters/http/testing/local-fetch.ts';

const input: WriteScriptInput = {
  text: 'В Петрозаводске открылась круглосуточная библиотека. Читальный зал рассчитан на 120 мест. На ремонт потратили 48 миллионов рублей.',
  title: 'Круглосуточная библиотека',
  language: 'ru',
  format: 'hook-story',
  targetSec: 30,
};

let fake: Awaited<ReturnType<typeof startFakeProvider>> | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function writerAnswering(respond: (request: RecordedRequest, n: number) => FakeResponse) {
  fake = await startFakeProvider(respond);
  return createWriter({ provider: 'anthropic', apiKey: 'sk-ant-test', model: 'claude-sonnet-4-20250514', baseUrl: fake.origin }, { fetch: localFetch(fake.origin) });
}

async function llmError(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe('Anthropic writer: wire format', () => {
  it('POSTs /v1/messages with a forced tool and returns a validated script', async () => {
    const writer = await writerAnswering(() => ({ status: 200, body: anthropicToolUse('video_script', scriptDraft(scenePlan(input), 1, 'ru')) }));
    const script = await writer.writeScript(input);
    const [request] = fake?.requests ?? [];
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/messages');
    expect(request?.headers['x-api-key']).toBe('sk-ant-test');
    expect(request?.headers['anthropic-version']).toBe('2023-06-01');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.body.model).toBe('claude-sonnet-4-20250514');
    expect(request?.body.max_tokens).toBe(4096);
    expect(typeof request?.body.system).toBe('string');
    expect(request?.body.messages).toHaveLength(1);
    expect(request?.body.messages[0].role).toBe('user');
    expect(request?.body.messages[0].content).toContain('Russian');
    expect(request?.body.tools).toHaveLength(1);
    expect(request?.body.tools[0].name).toBe('video_script');
    expect(request?.body.tools[0].input_schema.type).toBe('object');
    expect(request?.body.tool_choice).toEqual({ type: 'tool', name: 'video_script' });

    expect(generatedScriptSchema.parse(script)).toEqual(script);
    expect(script.writer).toBe('anthropic');
    expect(script.language).toBe('ru');
  });

  it('analyses through the tool call', async () => {
    const writer = await writerAnswering(() => ({ status: 200, body: anthropicToolUse('video_potential', ANALYSIS_DRAFT, 'Let me rate this.') }));
    const result = await writer.analyse({ text: input.text, language: 'ru' });
    expect(analysisResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({ analyser: 'anthropic', language: 'ru', score: 72 });
  });
});

describe('Anthropic writer: malformed output', () => {
  it('answers an invalid tool call with an error tool_result and accepts the correction', async () => {
    const writer = await writerAnswering((_r, n) => ({ status: 200, body: anthropicToolUse('video_potential', n === 0 ? { ...ANALYSIS_DRAFT, score: 140 } : ANALYSIS_DRAFT) }));
    const result = await writer.analyse({ text: input.text });
    expect(result.score).toBe(72);
    expect(fake?.requests).toHaveLength(2);
    const [user, assistant, correction] = fake?.requests[1]?.body.messages ?? [];
    expect(user.role).toBe('user');
    expect(assistant.role).toBe('assistant');
    expect(assistant.content[0].type).toBe('tool_use');
    expect(assistant.content[0].input.score).toBe(140);
    expect(correction.role).toBe('user');
    expect(correction.content[0]).toMatchObject({ type: 'tool_result', tool_use_id: assistant.content[0].id, is_error: true });
    expect(correction.content[0].content).toMatch(/score/);
  });

  it('repairs JSON the model wrote as text instead of calling the tool', async () => {
    const writer = await writerAnswering(() => ({ status: 200, body: anthropicText(`Вот оценка:\n\`\`\`json\n${JSON.stringify(ANALYSIS_DRAFT)}\n\`\`\``) }));
    const result = await writer.analyse({ text: input.text });
    expect(result.verdict).toBe(ANALYSIS_DRAFT.verdict);
    expect(fake?.requests).toHaveLength(1);
  });

  it('gives up after the retry with INVALID_OUTPUT', async () => {
    const writer = await writerAnswering(() => ({ status: 200, body: anthropicToolUse('video_script', { scenes: [{ role: 'hook', variants: [] }] }) }));
    const error = await llmError(writer.writeScript(input));
    expect(error.code).toBe('INVALID_OUTPUT');
    expect(error.message).toMatch(/anthropic model did not return a valid video_script/);
    expect(fake?.requests).toHaveLength(2);
  });
});

describe('Anthropic writer: HTTP errors', () => {
  it.each([
    [401, anthropicError('authentication_error', 'invalid x-api-key'), {}, 'AUTH'],
    [429, anthropicError('rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit'), { 'retry-after': '30' }, 'RATE_LIMITED'],
    [529, anthropicError('overloaded_error', 'Overloaded'), {}, 'PROVIDER_UNAVAILABLE'],
    [500, anthropicError('api_error', 'Internal server error'), {}, 'PROVIDER_UNAVAILABLE'],
    [400, anthropicError('invalid_request_error', 'model: claude-nope is not a valid model'), {}, 'BAD_REQUEST'],
  ] as const)('HTTP %i becomes %s', async (status, body, headers, code) => {
    const writer = await writerAnswering(() => ({ status, headers, body }));
    const error = await llmError(writer.writeScript(input));
    expect(error.code).toBe(code);
    // The provider and the status, never what the provider wrote.
    expect(error.message).toMatch(new RegExp(`^Anthropic answered HTTP ${status} \\(`));
    expect(error.message).not.toContain(body.error.type);
    expect(error.message).not.toContain(body.error.message);
    if (status === 429) expect(error.details.retryAfterSec).toBe(30);
  });
});
