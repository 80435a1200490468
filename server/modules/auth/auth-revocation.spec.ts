import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../adapters/clock.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../test/databases.ts';
import { AuthRepository } from './auth.repository.ts';
import { AuthService } from './auth.service.ts';
import { hashSecretToken } from './credentials.ts';

const SECRET = 'revocation-test-secret-of-enough-length';

/** Holds the next call of `method` after its database read until `release` is called. */
function holdAfterRead<K extends 'findSessionUser' | 'findToken'>(repo: AuthRepository, method: K) {
  const real = repo[method].bind(repo) as (...args: unknown[]) => Promise<unknown>;
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let read = () => {};
  const readDone = new Promise<void>((resolve) => (read = resolve));
  (repo as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    const result = await real(...args);
    read();
    await gate;
    (repo as unknown as Record<string, unknown>)[method] = real;
    return result;
  };
  return { readDone, release };
}

describe.each(DATABASE_KINDS)('revocation on the process that revokes, on %s', (kind) => {
  let database: TestDatabase;
  let repo: AuthRepository;
  let auth: AuthService;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    repo = new AuthRepository(database.handle.db);
    auth = new AuthService(repo, systemClock, SECRET);
  });
  afterAll(() => database.drop());

  /** Registration answers the same for every email; the account then signs in. */
  const signedUp = async (email: string) => {
    await auth.register({ email, password: 'correct horse battery' });
    return auth.login({ email, password: 'correct horse battery' }, '127.0.0.1');
  };

  it('a session signed out while a request was reading it is refused at once afterwards', async () => {
    const { sessionToken } = await signedUp(`s${Date.now()}@example.com`);
    const hold = holdAfterRead(repo, 'findSessionUser');
    const inFlight = auth.authenticate({ sessionToken });
    await hold.readDone;
    const context = { userId: 'x', via: 'session' as const, sessionIdHash: hashSecretToken(SECRET, sessionToken) };
    await auth.logout(context);
    hold.release();
    expect(await inFlight).not.toBeNull(); // it began before the sign-out
    expect(await auth.authenticate({ sessionToken })).toBeNull();
  });

  it('a token deleted while a request was reading it is refused at once afterwards', async () => {
    const { user, sessionToken } = await signedUp(`t${Date.now()}@example.com`);
    const owner = (await auth.authenticate({ sessionToken }))!;
    const created = await auth.createToken(owner, 'cli');
    const hold = holdAfterRead(repo, 'findToken');
    const inFlight = auth.authenticate({ bearerToken: created.token });
    await hold.readDone;
    await auth.deleteToken({ userId: user.id, via: 'session' }, created.id);
    hold.release();
    expect(await inFlight).not.toBeNull();
    expect(await auth.authenticate({ bearerToken: created.token })).toBeNull();
  });
});
