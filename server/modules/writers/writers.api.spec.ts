import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicToolUse, openAiCompletion, openAiError, startFakeProvider } from '../../adapters/llm/__fixtures__/fake-provider.ts';
import { ANALYSIS_DRAFT } from './__fixtures__/drafts.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';

const TEXT = 'Copenhagen switched on a seawater heat pump that warms 25,000 homes by pulling heat from the harbour.';

describe.each(DATABASE_KINDS)('writer choice on %s', (kind) => {
  let t: TestApp;
  let openai: Awaited<ReturnType<typeof startFakeProvider>>;
  let anthropic: Awaited<ReturnType<typeof startFakeProvider>>;
  beforeAll(async () => {
    openai = await startFakeProvider((request) =>
      request.headers.authorization === 'Bearer sk-user-key'
        ? { status: 200, body: openAiCompletion(JSON.stringify(ANALYSIS_DRAFT)) }
        : { status: 401, body: openAiError('Incorrect API key provided', 'invalid_request_error', 'invalid_api_key') },
    );
    anthropic = await startFakeProvider((request) => ({ status: 200, body: anthropicToolUse(request.body.tools[0].name, ANALYSIS_DRAFT) }));
    const hosts = [openai.origin, anthropic.origin].map((o) => o.replace('http://', '')).join(',');
    t = await createTestApp(kind, {
      jobs: { mode: 'worker' },
      env: { FETCH_ALLOW_PRIVATE_HOSTS: hosts, ANTHROPIC_BASE_URL: anthropic.origin, ANTHROPIC_API_KEY: 'server-key' },
    });
  });
  afterAll(async () => {
    await t.close();
    await openai.close();
    await anthropic.close();
  });

  const analyse = (cookie: string) => t.app.inject({ method: 'POST', url: '/api/analysis', headers: { cookie }, payload: { text: TEXT } });

  it('uses the offline writer by default, the user’s enabled provider when they have one, and never shows the key', async () => {
    const { cookie } = await signUp(t.app);
    expect((await t.app.inject({ method: 'GET', url: '/api/writer', headers: { cookie } })).json()).toEqual({ kind: 'offline', source: 'server', model: null, baseUrl: null });
    expect((await analyse(cookie)).json().analyser).toBe('offline');

    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/providers/openai',
      headers: { cookie },
      payload: { apiKey: 'sk-user-key', settings: { baseUrl: `${openai.origin}/v1`, model: 'llama3.1', enabled: true } },
    });
    expect(saved.body).not.toContain('sk-user-key');
    expect((await t.app.inject({ method: 'GET', url: '/api/writer', headers: { cookie } })).json()).toMatchObject({ kind: 'openai', source: 'user', model: 'llama3.1' });
    const result = await analyse(cookie);
    expect(result.json()).toMatchObject({ analyser: 'openai', score: 72, recommendedFormat: 'news' });
    const request = openai.requests.at(-1)!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.body.model).toBe('llama3.1');

    await t.app.inject({ method: 'PUT', url: '/api/providers/openai', headers: { cookie }, payload: { apiKey: 'sk-wrong' } });
    const failed = await analyse(cookie);
    expect(failed.statusCode).toBe(502);
    expect(failed.json().error).toMatchObject({ code: 'PROVIDER_FAILED', details: { reason: 'AUTH' } });
    expect(failed.json().error.message).toContain('check the API key');

    await t.app.inject({ method: 'PUT', url: '/api/providers/openai', headers: { cookie }, payload: { settings: { enabled: false } } });
    expect((await analyse(cookie)).json().analyser).toBe('offline');
  });

  it("analyses a project's stage 2 as a job when the writer is an LLM, and at once when it is offline", async () => {
    const { cookie } = await signUp(t.app);
    const projectId = await createProject(t.app, cookie);
    const analyseProject = () =>
      t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/analysis`, headers: { cookie }, payload: { text: TEXT, title: 'Heat pump' } });
    const offline = await analyseProject();
    expect(offline.statusCode).toBe(200);
    expect(offline.json().step.data.analysis.analyser).toBe('offline');

    await t.app.inject({
      method: 'PUT',
      url: '/api/providers/openai',
      headers: { cookie },
      payload: { apiKey: 'sk-user-key', settings: { baseUrl: `${openai.origin}/v1`, model: 'llama3.1', enabled: true } },
    });
    const queued = await analyseProject();
    expect(queued.statusCode).toBe(202);
    const jobId = queued.json().job.id as string;
    let job = queued.json().job as { state: string; result: { stepVersion: number } | null };
    for (let i = 0; i < 100 && job.state !== 'succeeded' && job.state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: { cookie } })).json();
    }
    expect(job.state).toBe('succeeded');
    const step2 = (await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/steps/2`, headers: { cookie } })).json();
    expect(step2.data.analysis).toMatchObject({ analyser: 'openai', score: 72 });
    expect(step2.version).toBe(job.result!.stepVersion);
  });

  it("refuses an author's base URL that points at a private address", async () => {
    const { cookie } = await signUp(t.app);
    await t.app.inject({ method: 'PUT', url: '/api/providers/openai', headers: { cookie }, payload: { settings: { baseUrl: 'http://10.1.2.3:11434/v1', model: 'llama3.1', enabled: true } } });
    const refused = await analyse(cookie);
    expect(refused.statusCode).toBe(502);
    expect(refused.json().error.message).toMatch(/refused to fetch 10\.1\.2\.3:11434/);
  });

  it('falls back to the server writer the operator configured', async () => {
    const serverAnthropic = await createTestApp(kind, {
      env: { WRITER_PROVIDER: 'anthropic', ANTHROPIC_BASE_URL: anthropic.origin, ANTHROPIC_API_KEY: 'server-key' },
    });
    try {
      const { cookie } = await signUp(serverAnthropic.app);
      const result = await serverAnthropic.app.inject({ method: 'POST', url: '/api/analysis', headers: { cookie }, payload: { text: TEXT } });
      expect(result.json()).toMatchObject({ analyser: 'anthropic', score: 72 });
      expect(anthropic.requests.at(-1)!.headers['x-api-key']).toBe('server-key');
    } finally {
      await serverAnthropic.close();
    }
  });
});
