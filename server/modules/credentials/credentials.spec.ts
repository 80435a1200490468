import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { SecretBox } from './secret-box.ts';

describe('SecretBox', () => {
  it('round-trips, uses a fresh IV each time, and rejects tampering or another secret', () => {
    const box = new SecretBox('a'.repeat(64));
    const a = box.seal('sk-live-123');
    expect(a).not.toContain('sk-live-123');
    expect(box.seal('sk-live-123')).not.toBe(a);
    expect(box.open(a)).toBe('sk-live-123');
    const parts = a.split(':');
    parts[3] = Buffer.from('forged').toString('base64');
    expect(() => box.open(parts.join(':'))).toThrow();
    expect(() => new SecretBox('b'.repeat(64)).open(a)).toThrow();
  });
});

describe.each(DATABASE_KINDS)('provider keys on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { PEXELS_API_KEY: 'server-pexels-key' } });
  });
  afterAll(() => t.close());

  it('stores a key encrypted, never returns it, and resolves it for the owner only', async () => {
    const { cookie, user } = await signUp(t.app);
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/providers/elevenlabs',
      headers: { cookie },
      payload: { apiKey: 'xi-secret-abc', settings: { model: 'eleven_turbo_v2_5' } },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain('xi-secret-abc');
    expect(saved.json()).toMatchObject({ provider: 'elevenlabs', hasKey: true, settings: { model: 'eleven_turbo_v2_5' } });
    const listed = await t.app.inject({ method: 'GET', url: '/api/providers', headers: { cookie } });
    expect(listed.body).not.toContain('xi-secret-abc');
    expect(listed.json().find((p: { provider: string }) => p.provider === 'pexels')).toMatchObject({ serverConfigured: true, hasKey: false });

    const raw = await t.context.database.executeSql('select encrypted_key from provider_credentials');
    expect(JSON.stringify(raw.rows)).not.toContain('xi-secret-abc');

    expect(await t.context.credentials.resolve(user.id, 'elevenlabs')).toMatchObject({ apiKey: 'xi-secret-abc', source: 'user' });
    expect(await t.context.credentials.resolve(user.id, 'pexels')).toMatchObject({ apiKey: 'server-pexels-key', source: 'server' });
    expect(await t.context.credentials.resolve(user.id, 'heygen')).toBeNull();
    const other = await signUp(t.app);
    expect(await t.context.credentials.resolve(other.user.id, 'elevenlabs')).toBeNull();

    const keptKey = await t.app.inject({ method: 'PUT', url: '/api/providers/elevenlabs', headers: { cookie }, payload: { settings: { model: 'x' } } });
    expect(keptKey.json().hasKey).toBe(true);
    const removedKey = await t.app.inject({ method: 'PUT', url: '/api/providers/elevenlabs', headers: { cookie }, payload: { apiKey: null } });
    expect(removedKey.json().hasKey).toBe(false);
  });

  it('validates the provider and its settings', async () => {
    const { cookie } = await signUp(t.app);
    expect((await t.app.inject({ method: 'PUT', url: '/api/providers/myspace', headers: { cookie }, payload: {} })).statusCode).toBe(400);
    const badUrl = await t.app.inject({ method: 'PUT', url: '/api/providers/openai', headers: { cookie }, payload: { settings: { baseUrl: 'ftp://x' } } });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().error.message).toContain('settings.baseUrl');
  });
});
