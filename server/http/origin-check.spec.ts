import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../test/harness.ts';

describe.each(DATABASE_KINDS)('cross-site requests and body types on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { ALLOWED_ORIGINS: 'https://studio.example.net' } });
    cookie = (await signUp(t.app)).cookie;
  });
  afterAll(() => t.close());

  const createProject = (headers: Record<string, string>, payload: unknown = { title: 'Made here' }) =>
    t.app.inject({ method: 'POST', url: '/api/projects', headers: { host: 'reelforge.example', cookie, ...headers }, payload: payload as object });
  const projectTitles = async () =>
    ((await t.app.inject({ method: 'GET', url: '/api/projects', headers: { cookie } })).json() as { title: string }[]).map((p) => p.title);

  it('refuses a state-changing request with the session cookie from another site, storing nothing', async () => {
    const before = await projectTitles();
    const forged: Record<string, string>[] = [{ origin: 'http://evil.example' }, { referer: 'http://evil.example/trap.html' }, { origin: 'null' }];
    for (const headers of forged) {
      const refused = await createProject(headers, { title: 'Forged' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('FORBIDDEN');
      expect(refused.json().error.message).toContain('Cross-site request refused');
    }
    const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: 'http://evil.example' } });
    expect(logout.statusCode).toBe(403);
    expect(await projectTitles()).toEqual(before);
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'someone@example.com', password: 'whatever it is' },
    });
    expect(login.statusCode).toBe(403);
  });

  it("accepts the app's own origin, a configured one, the Vite dev server's proxied requests and programs without Origin", async () => {
    expect((await createProject({ origin: 'http://reelforge.example' })).statusCode).toBe(201);
    expect((await createProject({ referer: 'http://reelforge.example/projects' })).statusCode).toBe(201);
    expect((await createProject({ origin: 'https://studio.example.net' })).statusCode).toBe(201);
    // `npm run dev`: Vite forwards /api with the browser's Host (localhost:5173), which matches Origin.
    expect((await createProject({ host: 'localhost:5173', origin: 'http://localhost:5173' })).statusCode).toBe(201);
    expect((await createProject({})).statusCode).toBe(201);
    expect((await createProject({ origin: 'http://reelforge.example:8080' })).statusCode).toBe(403);
    expect((await createProject({ origin: 'https://reelforge.example.evil.example' })).statusCode).toBe(403);
  });

  it('lets bearer-token clients through whatever Origin they send', async () => {
    const token = (await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie }, payload: { name: 'cli' } })).json().token as string;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { authorization: `Bearer ${token}`, origin: 'http://elsewhere.example' },
      payload: { title: 'Via token' },
    });
    expect(created.statusCode).toBe(201);
  });

  it('refuses form-encoded, plain-text and multipart bodies on routes that take JSON (415), before reading them', async () => {
    const before = await projectTitles();
    const form = await createProject({ 'content-type': 'application/x-www-form-urlencoded' }, 'title=Forged');
    expect(form.statusCode).toBe(415);
    expect(form.json().error.message).toContain('application/x-www-form-urlencoded is not accepted here: send application/json');
    expect((await createProject({ 'content-type': 'text/plain' }, '{"title":"Forged"}')).statusCode).toBe(415);
    const boundary = '----forged';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nForged\r\n--${boundary}--\r\n`;
    const viaMultipart = await createProject({ 'content-type': `multipart/form-data; boundary=${boundary}` }, multipart);
    expect(viaMultipart.statusCode).toBe(415);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: multipart,
    });
    expect(logout.statusCode).toBe(415);
    expect(await projectTitles()).toEqual(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });
});

describe('the https origin rule behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { env: { TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(() => t.close());

  it('refuses an http page posting to the app served over https, and takes the https page', async () => {
    const { cookie } = await signUp(t.app);
    const post = (origin: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/projects',
        remoteAddress: '127.0.0.1',
        headers: { cookie, origin, host: 'internal:5000', 'x-forwarded-host': 'app.example.com', 'x-forwarded-proto': 'https' },
        payload: { title: 'x' },
      });
    expect((await post('http://app.example.com')).statusCode).toBe(403);
    expect((await post('https://app.example.com')).statusCode).toBe(201);
    expect((await post('https://internal:5000')).statusCode).toBe(403);
  });
});
