import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThrottle } from '../../db/schema.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

describe.each(DATABASE_KINDS)('sign-in throttling on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const login = (payload: object, remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress });

  it('checks only five of 40 concurrent wrong passwords for one account and refuses the rest unchecked', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email: 'burst@example.com', password: 'the real password' } });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login({ email: 'burst@example.com', password: `guess number ${i}` }, `10.9.${i}.1`)),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    const refused = answers.find((a) => a.statusCode === 429)!;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login({ email: 'burst@example.com', password: 'the real password' }, '10.9.200.1')).statusCode).toBe(429);
  });

  it('a successful sign-in starts the account count over', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email: 'forgetful@example.com', password: 'the real password' } });
    for (let i = 0; i < 4; i++) expect((await login({ email: 'forgetful@example.com', password: `guess ${i}` }, '10.8.0.1')).statusCode).toBe(401);
    expect((await login({ email: 'forgetful@example.com', password: 'the real password' }, '10.8.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login({ email: 'forgetful@example.com', password: `again ${i}` }, '10.8.0.1')).statusCode).toBe(401);
    expect((await login({ email: 'forgetful@example.com', password: 'the real password' }, '10.8.0.1')).statusCode).toBe(429);
  });
});

describe.each(DATABASE_KINDS)('which address the per-address sign-in limit counts on %s', (kind) => {
  const counted = async (t: TestApp) =>
    Object.fromEntries(
      (await t.context.database.db.select().from(loginThrottle))
        .filter((row) => row.key.startsWith('ip:'))
        .map((row) => [row.key.slice(3), row.attempts]),
    );
  const failFrom = (t: TestApp, remoteAddress: string, forwardedFor: string, i: number) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: `nobody${i}@example.com`, password: 'not a password' },
    });

  /** The addresses counted after `attempts` ran on an app with these settings. */
  async function countedWith(env: Record<string, string>, attempts: (t: TestApp) => Promise<unknown>) {
    const t = await createTestApp(kind, { env });
    try {
      await attempts(t);
      return await counted(t);
    } finally {
      await t.close();
    }
  }

  it('by default ignores X-Forwarded-For: rotating it does not give a client new addresses', async () => {
    const addresses = await countedWith({}, async (t) => {
      for (let i = 0; i < 3; i++) expect((await failFrom(t, '198.51.100.7', `203.0.113.${i}`, i)).statusCode).toBe(401);
    });
    expect(addresses).toEqual({ '198.51.100.7': 3 });
  });

  it('with TRUST_PROXY listing the proxy, counts the client it forwards for, and only from that proxy', async () => {
    const addresses = await countedWith({ TRUST_PROXY: '10.0.0.0/8' }, async (t) => {
      await failFrom(t, '10.1.2.3', '203.0.113.5', 0);
      await failFrom(t, '10.1.2.3', '192.0.2.66, 203.0.113.5', 1);
      await failFrom(t, '198.51.100.7', '203.0.113.9', 2);
    });
    expect(addresses).toEqual({ '203.0.113.5': 2, '198.51.100.7': 1 });
  });

  it('with a hop count, takes the address the last proxy saw and ignores what the client prepended', async () => {
    const addresses = await countedWith({ TRUST_PROXY: '1' }, async (t) => {
      await failFrom(t, '10.1.2.3', '192.0.2.66, 203.0.113.5', 0);
      await failFrom(t, '10.1.2.3', '192.0.2.67, 203.0.113.5', 1);
    });
    expect(addresses).toEqual({ '203.0.113.5': 2 });
  });
});
