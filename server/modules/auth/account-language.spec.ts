import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';

describe.each(DATABASE_KINDS)('the account language on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const missingProject = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/api/projects/00000000-0000-4000-8000-000000000000', headers });

  it('is saved by PATCH /api/auth/me, shown by GET, and errors come in it when the request names no language', async () => {
    const { cookie } = await signUp(t.app);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().language).toBeNull();
    expect((await missingProject({ cookie })).json().error.message).toBe('Project not found');

    const saved = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie }, payload: { language: 'ru' } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().language).toBe('ru');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().language).toBe('ru');

    const noHeader = await missingProject({ cookie });
    expect(noHeader.statusCode).toBe(404);
    expect(noHeader.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Не найдено (возможно, удалено).' });
    // Accept-Language naming a language wins: the web app sends the language on the screen.
    expect((await missingProject({ cookie, 'accept-language': 'en-US' })).json().error.message).toBe('Project not found');
    expect((await missingProject({ cookie, 'accept-language': 'de-DE' })).json().error.message).toBe('Не найдено (возможно, удалено).');
  });

  it('names a project created without a title in the client’s language', async () => {
    const { cookie } = await signUp(t.app);
    const create = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/projects', headers: { cookie, ...headers }, payload: {} });
    expect((await create({ 'accept-language': 'ru-RU' })).json().title).toMatch(/^Видео без названия \d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect((await create({})).json().title).toMatch(/^Untitled video \d{4}-/);
    await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie }, payload: { language: 'ru' } });
    expect((await create({})).json().title).toMatch(/^Видео без названия /);
    expect((await create({ 'accept-language': 'en' })).json().title).toMatch(/^Untitled video /);
  });

  it('refuses a language it does not have, naming the field, and keeps the saved one', async () => {
    const { cookie } = await signUp(t.app);
    await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie }, payload: { language: 'en' } });
    const refused = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie }, payload: { language: 'fr' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/^language:/);
    const extra = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie }, payload: { language: 'ru', email: 'x@example.com' } });
    expect(extra.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json()).toMatchObject({ language: 'en' });
    expect((await t.app.inject({ method: 'PATCH', url: '/api/auth/me', payload: { language: 'ru' } })).statusCode).toBe(401);
  });
});
