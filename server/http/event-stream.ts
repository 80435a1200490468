import type { FastifyReply, FastifyRequest } from 'fastify';

export interface PolledStream<T> {
  /** The current value; null ends the stream (the thing is gone). */
  read(): Promise<T | null>;
  /** A key that changes whenever the value does. */
  keyOf(value: T): string;
  event: string;
  intervalMs: number;
  /** The stream ends after sending a value for which this is true. */
  isFinal?(value: T): boolean;
}

/**
 * Server-sent events from polling: the value first, then again whenever its key changes,
 * comments in between so proxies keep the connection. Polling the database works the same
 * whether the writer is this process or another machine.
 */
export async function streamPolled<T>(request: FastifyRequest, reply: FastifyReply, stream: PolledStream<T>, first: T): Promise<void> {
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let closed = false;
  request.raw.on('close', () => (closed = true));
  const send = (value: T) => reply.raw.write(`event: ${stream.event}\ndata: ${JSON.stringify(value)}\n\n`);
  let value = first;
  send(value);
  while (!closed && !stream.isFinal?.(value)) {
    await new Promise((resolve) => setTimeout(resolve, stream.intervalMs));
    const next = await stream.read().catch(() => null);
    if (!next) break;
    if (stream.keyOf(next) !== stream.keyOf(value)) {
      value = next;
      send(value);
    } else {
      reply.raw.write(': keep-alive\n\n');
    }
  }
  reply.raw.end();
}
