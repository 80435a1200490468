import { afterEach, describe, expect, it } from 'vitest';
import { analysisResultSchema } from '../../../../contracts/analysis.ts';
import { SPEAKING_RATE_WPS } from '../../../../contracts/formats.ts';
import type { WriteScriptInput } from '../../../../contracts/script.ts';
import { generatedScriptSchema, publishMetadataSchema } from '../../../../contracts/script.ts';
import { ANALYSIS_DRAFT, scriptDraft, wordsOf } from '../__fixtures__/drafts.ts';
import type { FakeResponse, RecordedRequest } from '../../../adapters/llm/__fixtures__/fake-provider.ts';
import { openAiCompletion, openAiError, startFakeProvider } from '../../../adapters/llm/__fixtures__/fake-provider.ts';
import { createWriter } from '../create-writer.ts';
import { LlmError } from '../../../adapters/llm/llm-error.ts';
import { scenePlan } from '../scene-budget.ts';
import { createOpenAiCompatibleTransport } from '../../../adapters/llm/openai-compatible.ts';
import { requestStructured } from '../../../adapters/llm/structured.ts';
import { analysisDraftSchema } from './llm-schemas.ts';
import { localFetch } from '../../../adapters/http/testing/local-fetch.ts';

const input: WriteScriptInput = {
  text: 'Copenhagen switched on a seawater heat pump on Tuesday. It will warm 25,000 homes. It cost 150 million euros.',
  title: 'Copenhagen harbour heat pump',
  language: 'en',
  format: 'news',
  targetSec: 20,
};

let fake: Awaited<ReturnType<typeof startFakeProvider>> | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function writerAnswering(respond: (request: RecordedRequest, n: number) => FakeResponse, withKey = true) {
  fake = await startFakeProvider(respond);
  return createWriter({ provider: 'openai', baseUrl: `${fake.origin}/v1`, model: 'gpt-4o-mini', ...(withKey ? { apiKey: 'sk-test' } : {}) }, { fetch: localFetch(fake.origin) });
}

async function llmError(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

const content = (value: unknown) => ({ status: 200, body: openAiCompletion(JSON.stringify(value)) });

function allKeys(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(allKeys);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => [k, ...allKeys(v)]);
}

describe('OpenAI-compatible writer: wire format', () => {
  it('POSTs a json_schema chat completion and returns a validated script', async () => {
    const writer = await writerAnswering(() => content(scriptDraft(scenePlan(input))));
    const script = await writer.writeScript(input);
    const [request] = fake?.requests ?? [];
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body.model).toBe('gpt-4o-mini');
    expect(request?.body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user']);
    expect(request?.body.messages[1].content).toContain('Copenhagen switched on a seawater heat pump');
    expect(request?.body.response_format.type).toBe('json_schema');
    expect(request?.body.response_format.json_schema.name).toBe('video_script');
    expect(request?.body.response_format.json_schema.strict).toBe(true);
    const schema = request?.body.response_format.json_schema.schema;
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['scenes']);
    expect(allKeys(schema)).not.toContain('minItems');
    expect(allKeys(schema)).not.toContain('$schema');

    expect(generatedScriptSchema.parse(script)).toEqual(script);
    expect(script.writer).toBe('openai');
    expect(script.scenes.map((s) => s.role)).toEqual(scenePlan(input).map((p) => p.role));
    expect(script.scenes[1]?.variants.map((v) => v.id)).toEqual(['s2-v1', 's2-v2', 's2-v3']);
    expect(Math.abs(script.totalWords - 50) / 50).toBeLessThanOrEqual(0.15);
  });

  it('sends no Authorization header when no key is configured (Ollama, LM Studio)', async () => {
    const writer = await writerAnswering(() => content(ANALYSIS_DRAFT), false);
    const result = await writer.analyse({ text: input.text, title: input.title });
    expect(fake?.requests[0]?.headers.authorization).toBeUndefined();
    expect(analysisResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({ score: 72, language: 'en', analyser: 'openai', wordCount: 19 });
    expect(result.speakingTimeSec).toBe(Math.round((19 / SPEAKING_RATE_WPS.en) * 10) / 10);
  });
});

describe('OpenAI-compatible writer: malformed output', () => {
  it('repairs fences, prose and trailing commas without a second request', async () => {
    const writer = await writerAnswering(() => ({ status: 200, body: openAiCompletion(`Here is the analysis:\n\`\`\`json\n${JSON.stringify(ANALYSIS_DRAFT).replace(/}$/, ',}')}\n\`\`\`\nHope it helps!`) }));
    const result = await writer.analyse({ text: input.text });
    expect(result.score).toBe(72);
    expect(fake?.requests).toHaveLength(1);
  });

  it('retries once with the validation error, then succeeds', async () => {
    const broken = { ...ANALYSIS_DRAFT, breakdown: { hook: 80 }, recommendedFormat: 'podcast' };
    const writer = await writerAnswering((_r, n) => content(n === 0 ? broken : ANALYSIS_DRAFT));
    const result = await writer.analyse({ text: input.text });
    expect(result.recommendedFormat).toBe('news');
    expect(fake?.requests).toHaveLength(2);
    const retry = fake?.requests[1]?.body.messages;
    expect(retry.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry[2].content).toBe(JSON.stringify(broken));
    expect(retry[3].content).toMatch(/breakdown\.news/);
    expect(retry[3].content).toMatch(/recommendedFormat/);
  });

  it('rejects with INVALID_OUTPUT after a second bad answer', async () => {
    const writer = await writerAnswering(() => ({ status: 200, body: openAiCompletion('I am sorry, I cannot produce JSON today.') }));
    const error = await llmError(writer.analyse({ text: input.text }));
    expect(error.code).toBe('INVALID_OUTPUT');
    expect(error.message).toContain('no JSON object');
    expect(fake?.requests).toHaveLength(2);
  });

  it('asks again when the script misses the target length, and accepts the corrected one', async () => {
    const plan = scenePlan(input);
    const writer = await writerAnswering((_r, n) => content(scriptDraft(plan, n === 0 ? 3 : 1)));
    const script = await writer.writeScript(input);
    expect(fake?.requests).toHaveLength(2);
    const targetWords = Math.round(input.targetSec * SPEAKING_RATE_WPS.en);
    expect(fake?.requests[1]?.body.messages[3].content).toContain(`must be about ${targetWords} words`);
    expect(Math.abs(script.totalWords - targetWords) / targetWords).toBeLessThanOrEqual(0.15);
  });

  it('names every failure (language, length, scene count) when it asks again, and gives up after the retry', async () => {
    const plan = scenePlan(input);
    const wrong = { scenes: scriptDraft(plan, 3, 'ru').scenes.slice(0, 2) };
    const writer = await writerAnswering(() => content(wrong));
    const error = await llmError(writer.writeScript(input));
    expect(error.code).toBe('INVALID_OUTPUT');
    expect(error.message).toMatch(/written in English/);
    expect(fake?.requests).toHaveLength(2);
    const correction = fake?.requests[1]?.body.messages[3].content as string;
    expect(correction).toContain('written in English');
    expect(correction).toMatch(/must be about \d+ words/);
    expect(correction).toContain(`exactly ${plan.length} scenes`);
  });

  it('accepts a corrected scene count on the retry', async () => {
    const plan = scenePlan(input);
    const writer = await writerAnswering((_r, n) => content(n === 0 ? { scenes: [...scriptDraft(plan).scenes, ...scriptDraft(plan).scenes.slice(1, 2)] } : scriptDraft(plan)));
    const script = await writer.writeScript(input);
    expect(fake?.requests).toHaveLength(2);
    expect(script.scenes).toHaveLength(plan.length);
  });

  it('asks for facts first, and for a sober close on a grave subject', async () => {
    const grave: WriteScriptInput = { ...input, text: 'Gunmen killed 19 people at a museum in Tunis on Wednesday. At least 44 were wounded, officials said.', title: 'Museum attack kills 19' };
    const writer = await writerAnswering(() => content(scriptDraft(scenePlan(grave))));
    await writer.writeScript(grave);
    const prompt = fake?.requests[0]?.body.messages[1].content as string;
    expect(prompt).toContain('Facts first');
    expect(prompt).toContain('sober close');
    expect(prompt).not.toContain('invites a comment');
  });

  it('reports a refusal', async () => {
    const writer = await writerAnswering(() => ({ status: 200, body: openAiCompletion('', 'stop', 'I cannot help with that request.') }));
    const error = await llmError(writer.analyse({ text: input.text }));
    expect(error.code).toBe('REFUSED');
    expect(error.message).toContain('cannot help');
  });
});

describe('OpenAI-compatible writer: HTTP errors', () => {
  it.each([
    [401, openAiError('Incorrect API key provided: sk-test.', 'invalid_request_error', 'invalid_api_key'), {}, 'AUTH', /HTTP 401 \(check the API key\)$/],
    [429, openAiError('Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3.', 'requests', 'rate_limit_exceeded'), { 'retry-after': '20' }, 'RATE_LIMITED', /HTTP 429 \(wait and try again/],
    [503, openAiError('The server is overloaded or not ready yet.', 'server_error', null), {}, 'PROVIDER_UNAVAILABLE', /HTTP 503 \(the provider is down or overloaded/],
    [404, openAiError('model "llama3.2" not found, try pulling it first', 'api_error', null), {}, 'BAD_REQUEST', /HTTP 404 \(check the model name and base URL\)$/],
    [502, '<html><body>Bad gateway</body></html>', {}, 'PROVIDER_UNAVAILABLE', /HTTP 502 /],
  ] as const)('HTTP %i becomes a clear typed error', async (status, body, headers, code, message) => {
    const writer = await writerAnswering(() => ({ status, headers, body }));
    const error = await llmError(writer.analyse({ text: input.text }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    // What the provider wrote never reaches the message.
    const written = typeof body === 'string' ? 'Bad gateway' : body.error.message;
    expect(error.message).not.toContain(written);
    expect(error.details.status).toBe(status);
    if (status === 429) expect(error.details.retryAfterSec).toBe(20);
    expect(fake?.requests).toHaveLength(1);
  });

  it('times out on a provider that never answers', async () => {
    fake = await startFakeProvider(() => 'hang');
    const transport = createOpenAiCompatibleTransport({ baseUrl: `${fake.origin}/v1`, model: 'm', timeoutMs: 300, fetch: localFetch(fake.origin) });
    const error = await llmError(requestStructured({ transport, schema: analysisDraftSchema, name: 'video_potential', description: 'd', system: 's', user: 'u' }));
    expect(error.code).toBe('TIMEOUT');
  });

  it('reports an unreachable endpoint', async () => {
    const closed = await startFakeProvider(() => 'hang');
    await closed.close();
    const writer = createWriter({ provider: 'openai', baseUrl: `${closed.origin}/v1`, model: 'm' }, { fetch: localFetch(closed.origin) });
    const error = await llmError(writer.analyse({ text: input.text }));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toContain('ECONNREFUSED');
  });
});

describe('OpenAI-compatible writer: scene regeneration and metadata', () => {
  it('regenerates one scene, retrying when the model repeats itself', async () => {
    const plan = scenePlan(input);
    const first = scriptDraft(plan);
    let script = null as Awaited<ReturnType<ReturnType<typeof createWriter>['writeScript']>> | null;
    const writer = await writerAnswering((request, n) => {
      if (n === 0) return content(first);
      if (n === 1) return content({ variants: first.scenes[1]?.variants });
      return content({ variants: [0, 1, 2].map((k) => ({ style: ['question', 'bold', 'number'][k], text: wordsOf(plan[1]?.words ?? 10, 11 + k), score: 70 + k })) });
    });
    script = await writer.writeScript(input);
    const next = await writer.regenerateScene({ script, sceneId: 's2', source: input });
    expect(fake?.requests).toHaveLength(3);
    expect(fake?.requests[1]?.body.response_format.json_schema.name).toBe('scene_variants');
    expect(fake?.requests[2]?.body.messages[3].content).toContain('differ from the previous ones');
    expect(next.scenes.filter((s) => s.id !== 's2')).toEqual(script.scenes.filter((s) => s.id !== 's2'));
    expect(next.scenes[1]?.variants.map((v) => v.id)).toEqual(['s2-v4', 's2-v5', 's2-v6']);
    const old = new Set(script.scenes[1]?.variants.map((v) => v.text));
    expect(next.scenes[1]?.variants.some((v) => old.has(v.text))).toBe(false);
  });

  it('drafts publish metadata and cleans hashtags', async () => {
    const writer = await writerAnswering(() => content({ title: 'Copenhagen heats homes with the sea', description: 'A harbour heat pump now warms 25,000 homes.', hashtags: ['news', '#Heat Pump', '#copenhagen', '##energy!'] }));
    const metadata = await writer.draftPublishMetadata({ language: 'en', scenes: [{ text: 'Copenhagen heats homes with the sea.' }] });
    expect(publishMetadataSchema.parse(metadata)).toEqual(metadata);
    expect(metadata.hashtags).toEqual(['#news', '#HeatPump', '#copenhagen', '#energy']);
  });
});
