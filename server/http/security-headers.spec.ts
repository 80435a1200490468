import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_PAGE } from './docs-page.ts';
import { DATABASE_KINDS } from '../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../test/harness.ts';

describe.each(DATABASE_KINDS)('security headers on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  let userId: string;
  let projectId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const account = await signUp(t.app);
    cookie = account.cookie;
    userId = account.user.id;
    projectId = await createProject(t.app, cookie);
  });
  afterAll(() => t.close());

  const storeFile = async (kind: 'image' | 'render', mime: string, ext: string, content: string) => {
    const file = join(t.dataDir, `sample.${ext}`);
    writeFileSync(file, content);
    return t.context.assets.storeFile({ ownerId: userId, projectId, kind, file, mime, ext });
  };

  it('serves a user file with nosniff and a sandboxing policy that lets nothing run', async () => {
    // What a hostile "image" could hold; even if a browser took it for HTML, no script may run.
    const image = await storeFile('image', 'image/png', 'png', '<html><script>alert(document.cookie)</script></html>');
    const served = await t.app.inject({ method: 'GET', url: image.url, headers: { cookie } });
    expect(served.statusCode).toBe(200);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    const ranged = await t.app.inject({ method: 'GET', url: image.url, headers: { cookie, range: 'bytes=0-5' } });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.headers['content-security-policy']).toContain('sandbox');
  });

  it('lets the browser play a user video opened directly, still sandboxed and scriptless', async () => {
    const video = await storeFile('render', 'video/mp4', 'mp4', 'not really a video');
    const served = await t.app.inject({ method: 'GET', url: video.url, headers: { cookie } });
    const policy = String(served.headers['content-security-policy']);
    expect(policy).toMatch(/^default-src 'none';/);
    expect(policy).toContain("media-src 'self'");
    expect(policy).toContain('sandbox');
    expect(policy).not.toMatch(/script-src|allow-scripts/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
  });

  it('puts nosniff and the locked-down policy on API answers, errors included', async () => {
    for (const url of ['/api/health', '/api/projects', '/api/nothing-here']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    }
  });

  it('allows the API docs page exactly its own inline script and style', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    const policy = String(docs.headers['content-security-policy']);
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("connect-src 'self'");
    expect(docs.body).toBe(DOCS_PAGE);
  });
});
