import { z } from 'zod';
import type { Writer } from '../../../contracts/writer.ts';
import { createAnthropicTransport } from '../../adapters/llm/anthropic.ts';
import { LlmError } from '../../adapters/llm/llm-error.ts';
import { createOpenAiCompatibleTransport } from '../../adapters/llm/openai-compatible.ts';
import type { ChatTransport } from '../../adapters/llm/transport.ts';
import { createLlmWriter } from './llm/llm-writer.ts';
import { createOfflineWriter } from './offline-writer.ts';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const writerConfigSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('offline') }),
  z.object({
    provider: z.literal('openai'),
    baseUrl: httpUrl,
    model: z.string().min(1, 'the model name is required'),
    apiKey: z.string().min(1).optional(),
    timeoutMs: z.number().int().min(1000).max(600_000).optional(),
    temperature: z.number().min(0).max(2).optional(),
  }),
  z.object({
    provider: z.literal('anthropic'),
    apiKey: z.string().min(1, 'the API key is required'),
    model: z.string().min(1, 'the model name is required'),
    baseUrl: httpUrl.optional(),
    maxTokens: z.number().int().min(256).max(64_000).optional(),
    timeoutMs: z.number().int().min(1000).max(600_000).optional(),
    temperature: z.number().min(0).max(1).optional(),
  }),
]);
export type WriterConfig = z.infer<typeof writerConfigSchema>;

export interface WriterDeps {
  fetch?: typeof fetch;
  now?: () => Date;
}

/** The Writer a configuration asks for; a bad configuration is a CONFIG error naming the field. */
export function createWriter(config: unknown, deps: WriterDeps = {}): Writer {
  const parsed = writerConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LlmError('CONFIG', `invalid writer configuration: ${issue?.path.join('.') || 'provider'}: ${issue?.message}`);
  }
  const transport = transportFor(parsed.data, deps);
  return transport ? createLlmWriter(transport, { now: deps.now }) : createOfflineWriter({ now: deps.now });
}

/** The chat transport of an LLM configuration (already validated); null for the offline writer. */
export function transportFor(c: WriterConfig, deps: WriterDeps = {}): ChatTransport | null {
  if (c.provider === 'offline') return null;
  if (c.provider === 'openai') return createOpenAiCompatibleTransport({ ...c, fetch: deps.fetch });
  return createAnthropicTransport({ ...c, fetch: deps.fetch });
}
