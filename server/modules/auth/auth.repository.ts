import { and, count, desc, eq, gt, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { apiTokens, loginFailures, sessions, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;
export type TokenRow = typeof apiTokens.$inferSelect;

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

  async recordLoginFailure(email: string, ip: string): Promise<void> {
    await this.db.insert(loginFailures).values({ email, ip });
  }

  async countLoginFailures(email: string, ip: string, since: Date): Promise<{ byEmail: number; byIp: number }> {
    const [byEmail, byIp] = await Promise.all([
      this.db.select({ n: count() }).from(loginFailures).where(and(eq(loginFailures.email, email), gt(loginFailures.at, since))),
      this.db.select({ n: count() }).from(loginFailures).where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since))),
    ]);
    return { byEmail: Number(byEmail[0]?.n ?? 0), byIp: Number(byIp[0]?.n ?? 0) };
  }

  async clearLoginFailures(email: string): Promise<void> {
    await this.db.delete(loginFailures).where(eq(loginFailures.email, email));
  }

  /** Housekeeping: expired sessions and old login failures. */
  async purgeExpired(now: Date, failuresBefore: Date): Promise<void> {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, now));
    await this.db.delete(loginFailures).where(or(lt(loginFailures.at, failuresBefore)));
  }
}
