import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { providerCredentials } from '../../db/schema.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { CredentialsService } from './credentials.service.ts';
import { SecretBox, UnreadableSecretError } from './secret-box.ts';

const OLD = 'old-secret-'.padEnd(40, 'o');
const NEW = 'new-secret-'.padEnd(40, 'n');

describe('SecretBox rotation', () => {
  it('opens what an earlier secret sealed, says it is stale, and seals anew under the current one', () => {
    const sealed = new SecretBox(OLD).seal('sk-123');
    const rotated = new SecretBox(NEW, [OLD]);
    expect(rotated.openWithRotation(sealed)).toEqual({ plain: 'sk-123', stale: true });
    expect(rotated.openWithRotation(rotated.seal('sk-123'))).toEqual({ plain: 'sk-123', stale: false });
    expect(() => new SecretBox(NEW).open(sealed)).toThrow(UnreadableSecretError);
  });
});

describe.each(DATABASE_KINDS)('rotating SESSION_SECRET on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { SESSION_SECRET: OLD } });
  });
  afterAll(() => t.close());

  const storedKey = async (ownerId: string) =>
    (await t.context.database.db.select().from(providerCredentials).where(eq(providerCredentials.ownerId, ownerId)))[0]!.encryptedKey!;

  it('reads keys saved under the previous secret and re-encrypts them under the new one', async () => {
    const { cookie, user } = await signUp(t.app);
    const saved = await t.app.inject({ method: 'PUT', url: '/api/providers/pexels', headers: { cookie }, payload: { apiKey: 'user-pexels-key' } });
    expect(saved.statusCode).toBe(200);
    const underOld = await storedKey(user.id);

    const rotated = new CredentialsService(t.context.database.db, { ...t.context.config, SESSION_SECRET: NEW, SESSION_SECRET_PREVIOUS: [OLD] });
    expect((await rotated.resolve(user.id, 'pexels'))?.apiKey).toBe('user-pexels-key');
    const underNew = await storedKey(user.id);
    expect(underNew).not.toBe(underOld);
    expect(new SecretBox(NEW).open(underNew)).toBe('user-pexels-key');

    // Once re-encrypted, the previous secret is no longer needed.
    const afterRotation = new CredentialsService(t.context.database.db, { ...t.context.config, SESSION_SECRET: NEW, SESSION_SECRET_PREVIOUS: [] });
    expect((await afterRotation.resolve(user.id, 'pexels'))?.apiKey).toBe('user-pexels-key');
  });

  it('a key sealed under a secret nobody configured is a clear conflict, not a server error', async () => {
    const { cookie, user } = await signUp(t.app);
    await t.app.inject({ method: 'PUT', url: '/api/providers/pexels', headers: { cookie }, payload: { apiKey: 'lost-key' } });
    const stranger = new CredentialsService(t.context.database.db, { ...t.context.config, SESSION_SECRET: NEW, SESSION_SECRET_PREVIOUS: [] });
    await expect(stranger.resolve(user.id, 'pexels')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/can no longer be read .* save it again/) });
  });
});
