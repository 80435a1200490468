import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { apiTokens, loginThrottle, sessions, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;
export type TokenRow = typeof apiTokens.$inferSelect;
export type AttemptCount = typeof loginThrottle.$inferSelect;

export class AuthRepository {
  constructor(private readonly db: Database) {}

  async createUser(input: { email: string; name: string | null; passwordHash: string }): Promise<UserRow | null> {
    const rows = await this.db.insert(users).values(input).onConflictDoNothing({ target: users.email }).returning();
    return rows[0] ?? null;
  }

  async findUserByEmail(email: string): Promise<UserRow | null> {
    const rows = await this.db.select().from(users).where(eq(users.email, email)).limit(1);
    return rows[0] ?? null;
  }

  async findUserById(id: string): Promise<UserRow | null> {
    const rows = await this.db.select().from(users).where(eq(users.id, id)).limit(1);
    return rows[0] ?? null;
  }

  async setLocale(id: string, locale: string): Promise<UserRow | null> {
    const rows = await this.db.update(users).set({ locale }).where(eq(users.id, id)).returning();
    return rows[0] ?? null;
  }

  async createSession(idHash: string, userId: string, expiresAt: Date): Promise<void> {
    await this.db.insert(sessions).values({ idHash, userId, expiresAt });
  }

  async findSessionUser(idHash: string, now: Date): Promise<string | null> {
    const rows = await this.db
      .select({ userId: sessions.userId })
      .from(sessions)
      .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)))
      .limit(1);
    return rows[0]?.userId ?? null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.idHash, idHash));
  }

  async createToken(input: { userId: string; name: string; tokenHash: string; prefix: string }): Promise<TokenRow> {
    const rows = await this.db.insert(apiTokens).values(input).returning();
    return rows[0]!;
  }

  listTokens(userId: string): Promise<TokenRow[]> {
    return this.db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
  }

  async deleteToken(userId: string, id: string): Promise<string | null> {
    const rows = await this.db
      .delete(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
      .returning({ tokenHash: apiTokens.tokenHash });
    return rows[0]?.tokenHash ?? null;
  }

  async findToken(tokenHash: string): Promise<TokenRow | null> {
    const rows = await this.db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
    return rows[0] ?? null;
  }

  async touchToken(id: string, at: Date): Promise<void> {
    await this.db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
  }

  /**
   * Counts one more sign-in attempt under each key and returns the counts, in one statement: the
   * upsert locks each row, so a burst of concurrent attempts is counted one by one and none is
   * missed. A window that began before `windowFloor` starts again at 1. Keys are passed in a fixed
   * order (email before ip), so two statements never wait on each other's rows in a cycle.
   */
  async countAttempt(keys: string[], now: Date, windowFloor: Date): Promise<AttemptCount[]> {
    const expired = sql`${loginThrottle.windowStartedAt} <= ${windowFloor.toISOString()}::timestamptz`;
    return this.db
      .insert(loginThrottle)
      .values(keys.map((key) => ({ key, attempts: 1, windowStartedAt: now })))
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          attempts: sql`case when ${expired} then 1 else ${loginThrottle.attempts} + 1 end`,
          windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${loginThrottle.windowStartedAt} end`,
        },
      })
      .returning();
  }

  /** A successful sign-in: the account's count starts over and the address gets its attempt back. */
  async forgiveAttempt(accountKey: string, addressKey: string): Promise<void> {
    await this.db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey));
    await this.db
      .update(loginThrottle)
      .set({ attempts: sql`greatest(${loginThrottle.attempts} - 1, 0)` })
      .where(eq(loginThrottle.key, addressKey));
  }

  /** Housekeeping: expired sessions and old login failures. */
  async purgeExpired(now: Date, attemptsBefore: Date): Promise<void> {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, now));
    await this.db.delete(loginThrottle).where(lt(loginThrottle.windowStartedAt, attemptsBefore));
  }
}
