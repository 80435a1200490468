import { httpError, LlmError } from './llm-error.ts';
import type { ChatTransport, ConversationTurn, ModelReply, StructuredRequest } from './transport.ts';
import { timeoutSignal } from './transport.ts';
import { createPinnedFetch } from '../http/pinned-fetch.ts';

export interface OpenAiCompatibleConfig {
  /** e.g. https://api.openai.com/v1, http://localhost:11434/v1 (Ollama), http://localhost:1234/v1 (LM Studio). */
  baseUrl: string;
  model: string;
  /** Optional: local servers (Ollama, LM Studio, vLLM) usually need none. */
  apiKey?: string;
  timeoutMs?: number;
  temperature?: number;
  fetch?: typeof fetch;
}

interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

function toMessages(system: string, turns: ConversationTurn[]): ChatMessage[] {
  const messages: ChatMessage[] = [{ role: 'system', content: system }];
  for (const turn of turns) {
    if (turn.kind === 'user') messages.push({ role: 'user', content: turn.text });
    else if (turn.kind === 'reply') messages.push({ role: 'assistant', content: turn.reply.text ?? '' });
    else messages.push({ role: 'user', content: turn.text });
  }
  return messages;
}

interface CompletionBody {
  choices?: Array<{ message?: { content?: string | null; refusal?: string | null }; finish_reason?: string }>;
}

/**
 * POST {baseUrl}/chat/completions with `response_format: {type: 'json_schema', ...}`: the
 * structured-output form OpenAI, Ollama, vLLM and LM Studio accept.
 */
export function createOpenAiCompatibleTransport(config: OpenAiCompatibleConfig): ChatTransport {
  const endpoint = `${config.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const doFetch = config.fetch ?? createPinnedFetch();
  const provider = `OpenAI-compatible endpoint ${config.baseUrl}`;
  return {
    provider: 'openai',
    async send(request: StructuredRequest): Promise<ModelReply> {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;
      const body = {
        model: config.model,
        messages: toMessages(request.system, request.turns),
        temperature: config.temperature ?? 0.7,
        response_format: { type: 'json_schema', json_schema: { name: request.name, description: request.description, schema: request.jsonSchema, strict: true } },
      };
      let response: Response;
      try {
        response = await doFetch(endpoint, { method: 'POST', headers, body: JSON.stringify(body), signal: timeoutSignal(config.timeoutMs ?? 60_000, request.signal) });
      } catch (error) {
        throw transportFailure(error, provider, config.timeoutMs ?? 60_000);
      }
      const raw = await response.text();
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = null;
      }
      if (!response.ok) throw httpError(provider, response.status, response.headers.get('retry-after'));
      const choice = (parsed as CompletionBody | null)?.choices?.[0];
      if (!choice?.message) throw new LlmError('PROVIDER_UNAVAILABLE', `${provider} sent a response without choices`, { provider });
      if (choice.message.refusal) throw new LlmError('REFUSED', `the model refused: ${choice.message.refusal}`, { provider });
      return { text: choice.message.content ?? '', truncated: choice.finish_reason === 'length' };
    },
  };
}

export function transportFailure(error: unknown, provider: string, timeoutMs: number): LlmError {
  const name = (error as Error).name;
  if (name === 'TimeoutError') return new LlmError('TIMEOUT', `${provider} did not answer within ${Math.round(timeoutMs / 1000)} s`, { provider });
  if (name === 'AbortError') return new LlmError('TIMEOUT', `the request to ${provider} was cancelled`, { provider });
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return new LlmError('NETWORK', `could not reach ${provider}: ${cause?.code ?? cause?.message ?? (error as Error).message}`, { provider });
}
