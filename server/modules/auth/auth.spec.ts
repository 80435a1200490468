import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';

describe.each(DATABASE_KINDS)('accounts and tokens on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const register = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/register', payload });
  const login = (payload: object, ip = '10.1.1.1') => t.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: ip });
  const sessionOf = (response: { cookies: Array<{ name: string; value: string }> }) =>
    `rf_session=${response.cookies.find((c) => c.name === 'rf_session')!.value}`;

  it('registers, signs in with an httpOnly SameSite cookie, and never returns the password hash', async () => {
    const created = await register({ email: ' Ada@Example.com ', password: 'analytical engine', name: 'Ada' });
    expect(created.statusCode).toBe(202);
    expect(created.cookies).toEqual([]);
    const signedIn = await login({ email: 'ADA@example.com', password: 'analytical engine' });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
    expect(signedIn.body).not.toMatch(/argon2|password/i);
    const cookie = signedIn.cookies.find((c) => c.name === 'rf_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionOf(signedIn) } });
    expect(me.json()).toMatchObject({ email: 'ada@example.com' });
    expect(me.body).not.toMatch(/argon2/);
  });

  it('answers a taken email exactly as a free one, and keeps the existing account as it was', async () => {
    const free = await register({ email: 'grace@example.com', password: 'first password' });
    const taken = await register({ email: 'grace@example.com', password: 'another password', name: 'Impostor' });
    expect(taken.statusCode).toBe(free.statusCode);
    expect(taken.body).toBe(free.body);
    expect(taken.headers['set-cookie']).toBeUndefined();
    expect(free.json()).toMatchObject({ status: 'accepted' });
    expect((await login({ email: 'grace@example.com', password: 'another password' })).statusCode).toBe(401);
    const owner = await login({ email: 'grace@example.com', password: 'first password' });
    expect(owner.json()).toMatchObject({ email: 'grace@example.com', name: null });
  });

  it('rejects bad registrations naming the field', async () => {
    const short = await register({ email: 'b@example.com', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('password');
    const email = await register({ email: 'not-an-email', password: 'long enough password' });
    expect(email.json().error.message).toContain('email');
  });

  it('logs out: the session stops working', async () => {
    const { cookie } = await signUp(t.app);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('rate-limits failed logins per email, even with the right password afterwards', async () => {
    await register({ email: 'target@example.com', password: 'the real password' });
    for (let i = 0; i < 5; i++) {
      const wrong = await login({ email: 'target@example.com', password: `guess ${i}` }, `10.0.0.${i}`);
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.message).toBe('Wrong email or password');
    }
    const limited = await login({ email: 'target@example.com', password: 'the real password' }, '10.0.0.99');
    expect(limited.statusCode).toBe(429);
    // Seconds until the window that began with the first failure ends: at most 15 minutes.
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(900);
    const unknown = await login({ email: 'nobody@example.com', password: 'whatever' });
    expect(unknown.statusCode).toBe(401);
  });

  it('issues personal API tokens that work as Bearer, are listed without the secret, and can be revoked', async () => {
    const { cookie } = await signUp(t.app, 'dev@example.com');
    const created = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie }, payload: { name: 'CLI' } });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json() as { token: string; id: string; prefix: string };
    expect(token.startsWith(prefix)).toBe(true);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).json().email).toBe('dev@example.com');
    const project = await t.app.inject({ method: 'POST', url: '/api/projects', headers: bearer, payload: { title: 'Via token' } });
    expect(project.statusCode).toBe(201);
    const listed = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: { cookie } });
    expect(listed.json()).toHaveLength(1);
    expect(listed.body).not.toContain(token);
    expect(listed.json()[0].lastUsedAt).not.toBeNull();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer rf_nonsense' } })).statusCode).toBe(401);
  });
});

describe.each(DATABASE_KINDS)('registration that reveals taken emails (operator opt-in) on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { REGISTRATION_REVEALS_TAKEN_EMAIL: 'true' } });
  });
  afterAll(() => t.close());

  it('signs the new account in at once (201) and answers 409 for a taken email', async () => {
    const payload = { email: 'open@example.com', password: 'long enough password' };
    const created = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'open@example.com' });
    expect(created.cookies.find((c) => c.name === 'rf_session')).toBeDefined();
    const duplicate = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('EMAIL_TAKEN');
  });
});
