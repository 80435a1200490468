import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are inspected freely in tests
  body: any;
}

export type FakeResponse = { status: number; headers?: Record<string, string>; body: unknown } | 'hang';

/** A local HTTP server that records JSON requests and answers from a script, one response per call. */
export async function startFakeProvider(respond: (request: RecordedRequest, callIndex: number) => FakeResponse) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : null };
      requests.push(request);
      const answer = respond(request, requests.length - 1);
      if (answer === 'hang') return;
      const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let sequence = 0;

/** A chat.completion body as OpenAI (and Ollama, vLLM, LM Studio) return it. */
export function openAiCompletion(content: string, finishReason = 'stop', refusal: string | null = null) {
  sequence++;
  return {
    id: `chatcmpl-${sequence.toString(36).padStart(8, 'a')}`,
    object: 'chat.completion',
    created: 1_717_000_000 + sequence,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [{ index: 0, message: { role: 'assistant', content: refusal ? null : content, refusal }, logprobs: null, finish_reason: finishReason }],
    usage: { prompt_tokens: 812, completion_tokens: 402, total_tokens: 1214 },
    system_fingerprint: 'fp_0ba0d124f1',
  };
}

export function openAiError(message: string, type: string, code: string | null) {
  return { error: { message, type, param: null, code } };
}

/** A Messages API response whose only block is the forced tool call. */
export function anthropicToolUse(name: string, input: unknown, extraText?: string) {
  sequence++;
  const id = `toolu_01${sequence.toString(36).padStart(20, 'X')}`;
  return {
    id: `msg_01${sequence.toString(36).padStart(20, 'Q')}`,
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-20250514',
    content: [...(extraText ? [{ type: 'text', text: extraText }] : []), { type: 'tool_use', id, name, input }],
    stop_reason: 'tool_use',
    stop_sequence: null,
    usage: { input_tokens: 1024, output_tokens: 512 },
  };
}

export function anthropicText(text: string) {
  sequence++;
  return {
    id: `msg_01${sequence.toString(36).padStart(20, 'T')}`,
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-20250514',
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 900, output_tokens: 300 },
  };
}

export function anthropicError(type: string, message: string) {
  return { type: 'error', error: { type, message } };
}
