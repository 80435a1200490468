import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { feedItems, feeds } from '../../db/schema.ts';

export type FeedRow = typeof feeds.$inferSelect;
export type NewFeedItem = Omit<typeof feedItems.$inferInsert, 'id' | 'feedId' | 'ownerId'>;

export interface FetchOutcome {
  status: 'ok' | 'error';
  error: string | null;
  at: Date;
  title?: string | null;
  siteUrl?: string | null;
}

export class FeedsRepository {
  constructor(private readonly db: Database) {}

  /** Null when the owner already has a feed with this URL. */
  async insert(ownerId: string, url: string, title: string | null, siteUrl: string | null): Promise<FeedRow | null> {
    const [row] = await this.db.insert(feeds).values({ ownerId, url, title, siteUrl }).onConflictDoNothing().returning();
    return row ?? null;
  }

  listForOwner(ownerId: string): Promise<FeedRow[]> {
    return this.db.select().from(feeds).where(eq(feeds.ownerId, ownerId)).orderBy(asc(feeds.createdAt));
  }

  async findOwned(ownerId: string, id: string): Promise<FeedRow | null> {
    const [row] = await this.db.select().from(feeds).where(and(eq(feeds.id, id), eq(feeds.ownerId, ownerId)));
    return row ?? null;
  }

  async findByUrl(ownerId: string, url: string): Promise<FeedRow | null> {
    const [row] = await this.db.select().from(feeds).where(and(eq(feeds.ownerId, ownerId), eq(feeds.url, url)));
    return row ?? null;
  }

  async find(id: string): Promise<FeedRow | null> {
    const [row] = await this.db.select().from(feeds).where(eq(feeds.id, id));
    return row ?? null;
  }

  async remove(ownerId: string, id: string): Promise<boolean> {
    const rows = await this.db.delete(feeds).where(and(eq(feeds.id, id), eq(feeds.ownerId, ownerId))).returning({ id: feeds.id });
    return rows.length > 0;
  }

  /** Feeds never fetched, or last fetched before `before`, oldest first. */
  due(before: Date, limit: number): Promise<FeedRow[]> {
    return this.db
      .select()
      .from(feeds)
      .where(or(isNull(feeds.lastFetchedAt), lt(feeds.lastFetchedAt, before)))
      .orderBy(sql`${feeds.lastFetchedAt} asc nulls first`)
      .limit(limit);
  }

  /**
   * Stores new stories; a story already stored for this feed (same dedupe key) is left as it is,
   * so the author's favourite/dismiss flags and fetched texts survive every refresh.
   */
  async addItems(feed: FeedRow, items: NewFeedItem[]): Promise<number> {
    if (items.length === 0) return 0;
    const inserted = await this.db
      .insert(feedItems)
      .values(items.map((item) => ({ ...item, feedId: feed.id, ownerId: feed.ownerId })))
      .onConflictDoNothing({ target: [feedItems.feedId, feedItems.dedupeKey] })
      .returning({ id: feedItems.id });
    return inserted.length;
  }

  async recordFetch(id: string, outcome: FetchOutcome): Promise<FeedRow | null> {
    const [row] = await this.db
      .update(feeds)
      .set({
        lastFetchedAt: outcome.at,
        lastStatus: outcome.status,
        lastError: outcome.error,
        itemCount: sql`(select count(*)::int from ${feedItems} where ${feedItems.feedId} = ${id})`,
        ...(outcome.title ? { title: outcome.title } : {}),
        ...(outcome.siteUrl ? { siteUrl: outcome.siteUrl } : {}),
      })
      .where(eq(feeds.id, id))
      .returning();
    return row ?? null;
  }
}
