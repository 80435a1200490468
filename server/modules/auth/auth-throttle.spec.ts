import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
