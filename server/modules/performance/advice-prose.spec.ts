import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAiCompletion, type RecordedRequest, startFakeProvider } from '../../adapters/llm/__fixtures__/fake-provider.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';

const PROSE = 'Ваши видео со списками набрали вдвое больше обычного, но это пока два видео.';

describe('advice in prose by the configured LLM', () => {
  let t: TestApp;
  let llm: Awaited<ReturnType<typeof startFakeProvider>>;
  beforeAll(async () => {
    llm = await startFakeProvider(() => ({ status: 200, body: openAiCompletion(JSON.stringify({ summary: PROSE })) }));
    t = await createTestApp('pglite', { env: { WRITER_PROVIDER: 'openai', OPENAI_BASE_URL: `${llm.origin}/v1`, OPENAI_MODEL: 'summary-model' } });
  });
  afterAll(async () => {
    await t.close();
    await llm.close();
  });

  it('sends the deterministic facts (and only those) and returns the prose with them', async () => {
    const { cookie } = await signUp(t.app);
    for (const [i, views] of [300, 900].entries()) {
      const projectId = await createProject(t.app, cookie, `Clip ${i}`);
      const publication = (await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/publications`, headers: { cookie }, payload: { platform: 'vk', url: `https://vk.com/clip${i}`, publishedAt: '2026-05-01' } })).json();
      await t.app.inject({ method: 'POST', url: `/api/publications/${publication.id}/readings`, headers: { cookie }, payload: { views } });
    }
    const response = await t.app.inject({ method: 'POST', url: '/api/performance/summary', headers: { cookie }, payload: { language: 'ru' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ videos: 2, prose: PROSE });
    const sent = llm.requests.at(-1) as RecordedRequest;
    const userText = JSON.stringify(sent.body.messages);
    expect(userText).toContain('Russian');
    expect(userText).toContain('\\"videos\\":2');
    expect(userText).not.toContain('vk.com/clip');
    expect(sent.body.model).toBe('summary-model');
    expect((await t.app.inject({ method: 'POST', url: '/api/performance/summary', headers: { cookie }, payload: { language: 'de' } })).statusCode).toBe(400);
  });
});
