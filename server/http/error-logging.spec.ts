import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError, errorHandler } from './errors.ts';

/** An app whose routes raise the given errors, logging at info level into `lines`. */
async function appLogging(lines: Array<{ level: number; msg: string }>) {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as { level: number; msg: string });
      done();
    },
  });
  const app = Fastify({ logger: { level: 'info', stream }, disableRequestLogging: true });
  app.setErrorHandler(errorHandler);
  app.get('/missing', async () => {
    throw new AppError('NOT_FOUND', 'Project not found');
  });
  app.get('/provider', async () => {
    throw new AppError('PROVIDER_FAILED', 'Pexels failed (HTTP 503); try again later', { provider: 'pexels' });
  });
  app.get('/bug', async () => {
    throw new TypeError('cannot read properties of undefined');
  });
  await app.ready();
  return app;
}

describe('what the error handler logs', () => {
  it('logs our own faults as errors, a provider’s failure at info, and a refused request not at all', async () => {
    const lines: Array<{ level: number; msg: string }> = [];
    const app = await appLogging(lines);
    expect((await app.inject({ url: '/missing' })).statusCode).toBe(404);
    expect(lines).toEqual([]);
    expect((await app.inject({ url: '/provider' })).statusCode).toBe(502);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[30, 'Pexels failed (HTTP 503); try again later']]);
    expect((await app.inject({ url: '/bug' })).statusCode).toBe(500);
    expect(lines.at(-1)).toMatchObject({ level: 50, msg: 'unhandled error' });
    await app.close();
  });
});
