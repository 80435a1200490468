import type { z } from 'zod';
import { NotJsonError, parseModelJson } from './json-repair.ts';
import { LlmError } from './llm-error.ts';
import type { ChatTransport, ConversationTurn, ModelReply } from './transport.ts';
import { providerSchema } from './transport.ts';

export interface StructuredCall<T> {
  transport: ChatTransport;
  schema: z.ZodType<T>;
  name: string;
  description: string;
  system: string;
  user: string;
  /**
   * Extra rules beyond the schema: null when fine, a sentence for a soft problem (accepted on the
   * second attempt, e.g. length), or `{hard}` for a problem that makes the output unusable.
   */
  check?: (value: T) => string | { hard: string } | null;
  signal?: AbortSignal;
}

function issuesOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

type Attempt<T> = { ok: true; value: T } | { ok: false; problem: string; soft?: T };

function evaluate<T>(reply: ModelReply, call: StructuredCall<T>): Attempt<T> {
  let candidate: unknown = reply.toolInput;
  if (candidate === undefined) {
    try {
      candidate = parseModelJson(reply.text ?? '');
    } catch (error) {
      if (error instanceof NotJsonError) return { ok: false, problem: `${error.message}${reply.truncated ? ' (the reply was cut off at the token limit)' : ''}` };
      throw error;
    }
  }
  const parsed = call.schema.safeParse(candidate);
  if (!parsed.success) return { ok: false, problem: `the JSON does not match the schema: ${issuesOf(parsed.error)}` };
  const problem = call.check?.(parsed.data) ?? null;
  if (problem === null) return { ok: true, value: parsed.data };
  return typeof problem === 'string' ? { ok: false, problem, soft: parsed.data } : { ok: false, problem: problem.hard };
}

/**
 * Asks for output matching `schema`; repairs what can be repaired (fences, prose, trailing commas),
 * otherwise asks once more with the validation error, then gives up with INVALID_OUTPUT. A reply
 * that only breaks a `check` rule twice is accepted the second time (the schema holds).
 */
export async function requestStructured<T>(call: StructuredCall<T>): Promise<T> {
  const turns: ConversationTurn[] = [{ kind: 'user', text: call.user }];
  const jsonSchema = providerSchema(call.schema);
  let lastProblem = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    const reply = await call.transport.send({ system: call.system, turns, name: call.name, description: call.description, jsonSchema, signal: call.signal });
    const result = evaluate(reply, call);
    if (result.ok) return result.value;
    if (attempt === 1 && result.soft !== undefined) return result.soft;
    lastProblem = result.problem;
    turns.push({ kind: 'reply', reply }, { kind: 'correction', replyTo: reply, text: `Your answer was not usable: ${result.problem}. Answer again with only the corrected JSON for "${call.name}".` });
  }
  throw new LlmError('INVALID_OUTPUT', `the ${call.transport.provider} model did not return a valid ${call.name} after a retry: ${lastProblem}`, {
    provider: call.transport.provider,
    issues: lastProblem,
  });
}
