import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError, errorHandler } from './errors.ts';

async function appRaising(error: AppError) {
  const app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  app.get('/fail', async () => {
    throw error;
  });
  await app.ready();
  return app;
}

describe('error messages in the client language', () => {
  it('answers Russian clients in Russian by code and reason, keeping code and details', async () => {
    const app = await appRaising(new AppError('CONFLICT', 'The project has no source text yet', { reason: 'NO_SOURCE_TEXT' }));
    const ru = await app.inject({ url: '/fail', headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' } });
    expect(ru.statusCode).toBe(409);
    expect(ru.json().error).toEqual({ code: 'CONFLICT', message: 'У проекта ещё нет исходного текста: сначала выберите источник на этапе 1.', details: { reason: 'NO_SOURCE_TEXT' } });
    const en = await app.inject({ url: '/fail', headers: { 'accept-language': 'en-GB,ru;q=0.3' } });
    expect(en.json().error.message).toBe('The project has no source text yet');
    expect((await app.inject({ url: '/fail' })).json().error.message).toBe('The project has no source text yet');
    await app.close();
  });

  it('falls back to the message of the code when there is no reason', async () => {
    const app = await appRaising(new AppError('STAGE_NOT_REACHED', 'Stage 5 is not reachable yet'));
    const ru = await app.inject({ url: '/fail', headers: { 'accept-language': 'ru' } });
    expect(ru.json().error.message).toBe('Этот этап ещё не открыт: сначала завершите или пропустите текущий.');
    await app.close();
  });
});
