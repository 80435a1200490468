import { httpError, LlmError } from './llm-error.ts';
import { transportFailure } from './openai-compatible.ts';
import type { ChatTransport, ConversationTurn, ModelReply, StructuredRequest } from './transport.ts';
import { timeoutSignal } from './transport.ts';
import { createPinnedFetch } from '../http/pinned-fetch.ts';

export interface AnthropicConfig {
  apiKey: string;
  model: string;
  /** Default https://api.anthropic.com */
  baseUrl?: string;
  /** The anthropic-version header. */
  version?: string;
  maxTokens?: number;
  timeoutMs?: number;
  temperature?: number;
  fetch?: typeof fetch;
}

type ContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown }
  | { type: 'tool_result'; tool_use_id: string; content: string; is_error?: boolean };

interface Message {
  role: 'user' | 'assistant';
  content: string | ContentBlock[];
}

function replyBlocks(reply: ModelReply, toolName: string): ContentBlock[] {
  if (reply.toolUseId) return [{ type: 'tool_use', id: reply.toolUseId, name: toolName, input: reply.toolInput ?? {} }];
  return [{ type: 'text', text: reply.text ?? '' }];
}

/** A correction answers the forced tool call with an error tool_result, as the Messages API expects. */
function toMessages(turns: ConversationTurn[], toolName: string): Message[] {
  return turns.map((turn): Message => {
    if (turn.kind === 'user') return { role: 'user', content: turn.text };
    if (turn.kind === 'reply') return { role: 'assistant', content: replyBlocks(turn.reply, toolName) };
    if (turn.replyTo.toolUseId) return { role: 'user', content: [{ type: 'tool_result', tool_use_id: turn.replyTo.toolUseId, content: turn.text, is_error: true }] };
    return { role: 'user', content: turn.text };
  });
}

interface MessageBody {
  content?: Array<{ type: string; text?: string; id?: string; name?: string; input?: unknown }>;
  stop_reason?: string;
}

/**
 * POST {baseUrl}/v1/messages with x-api-key and anthropic-version; structured output through one
 * tool whose input_schema is the output schema, forced with tool_choice.
 */
export function createAnthropicTransport(config: AnthropicConfig): ChatTransport {
  const endpoint = `${(config.baseUrl ?? 'https://api.anthropic.com').replace(/\/+$/, '')}/v1/messages`;
  const doFetch = config.fetch ?? createPinnedFetch();
  const provider = 'Anthropic';
  const timeoutMs = config.timeoutMs ?? 60_000;
  return {
    provider: 'anthropic',
    async send(request: StructuredRequest): Promise<ModelReply> {
      const body = {
        model: config.model,
        max_tokens: config.maxTokens ?? 4096,
        temperature: config.temperature ?? 0.7,
        system: request.system,
        messages: toMessages(request.turns, request.name),
        tools: [{ name: request.name, description: request.description, input_schema: request.jsonSchema }],
        tool_choice: { type: 'tool', name: request.name },
      };
      const headers = { 'content-type': 'application/json', 'x-api-key': config.apiKey, 'anthropic-version': config.version ?? '2023-06-01' };
      let response: Response;
      try {
        response = await doFetch(endpoint, { method: 'POST', headers, body: JSON.stringify(body), signal: timeoutSignal(timeoutMs, request.signal) });
      } catch (error) {
        throw transportFailure(error, provider, timeoutMs);
      }
      const raw = await response.text();
      let parsed: MessageBody | null = null;
      try {
        parsed = JSON.parse(raw) as MessageBody;
      } catch {
        parsed = null;
      }
      if (!response.ok) throw httpError(provider, response.status, response.headers.get('retry-after'));
      const blocks = parsed?.content;
      if (!Array.isArray(blocks)) throw new LlmError('PROVIDER_UNAVAILABLE', `${provider} sent a response without content`, { provider });
      const toolUse = blocks.find((b) => b.type === 'tool_use' && b.name === request.name);
      const text = blocks.filter((b) => b.type === 'text').map((b) => b.text ?? '').join('\n') || null;
      if (parsed?.stop_reason === 'refusal') throw new LlmError('REFUSED', `the model refused${text ? `: ${text}` : ''}`, { provider });
      return { text, toolInput: toolUse?.input, toolUseId: toolUse?.id, truncated: parsed?.stop_reason === 'max_tokens' };
    },
  };
}
