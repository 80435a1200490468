import type { z } from 'zod';
import { toJSONSchema } from 'zod';

/** What a provider returned for one structured request. */
export interface ModelReply {
  /** Free text the model wrote (JSON to be parsed, possibly wrapped in prose). */
  text: string | null;
  /** Arguments of the forced tool call (Anthropic), already parsed by the provider. */
  toolInput?: unknown;
  toolUseId?: string;
  /** True when the provider cut the answer at the token limit. */
  truncated: boolean;
}

export type ConversationTurn =
  | { kind: 'user'; text: string }
  | { kind: 'reply'; reply: ModelReply }
  /** The validation error sent back after an invalid reply. */
  | { kind: 'correction'; text: string; replyTo: ModelReply };

export interface StructuredRequest {
  system: string;
  turns: ConversationTurn[];
  /** Name of the output (a-z, _), used as the schema or tool name. */
  name: string;
  description: string;
  jsonSchema: Record<string, unknown>;
  signal?: AbortSignal;
}

/** One provider wire format. */
export interface ChatTransport {
  readonly provider: 'openai' | 'anthropic';
  send(request: StructuredRequest): Promise<ModelReply>;
}

/*
 * Keywords many structured-output implementations reject (OpenAI strict mode, Ollama, llama.cpp
 * grammars). They are removed from the schema sent to the model; the zod schema still enforces them
 * when the reply is validated.
 */
const UNSUPPORTED = new Set(['$schema', 'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems']);

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>)
      .filter(([key]) => !UNSUPPORTED.has(key))
      .map(([key, value]) => [key, strip(value)]),
  );
}

/** The JSON schema for a zod schema, in the subset structured-output providers accept. */
export function providerSchema(schema: z.ZodType): Record<string, unknown> {
  return strip(toJSONSchema(schema)) as Record<string, unknown>;
}

/** fetch with the call's signal and a timeout, so a hung provider becomes a TIMEOUT error. */
export function timeoutSignal(timeoutMs: number, outer?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return outer ? AbortSignal.any([outer, timeout]) : timeout;
}
