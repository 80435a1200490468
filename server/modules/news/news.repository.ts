import { and, count, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { FRESHNESS_HOURS, SCORE_BANDS, type NewsQuery } from '../../../contracts/news.ts';
import type { Database } from '../../db/client.ts';
import { feedItems, feeds } from '../../db/schema.ts';

export type NewsItemRow = typeof feedItems.$inferSelect & { feedTitle: string | null };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const seenAt = sql`coalesce(${feedItems.publishedAt}, ${feedItems.createdAt})`;

const columns = {
  id: feedItems.id,
  feedId: feedItems.feedId,
  ownerId: feedItems.ownerId,
  dedupeKey: feedItems.dedupeKey,
  url: feedItems.url,
  title: feedItems.title,
  summary: feedItems.summary,
  imageUrl: feedItems.imageUrl,
  publishedAt: feedItems.publishedAt,
  score: feedItems.score,
  language: feedItems.language,
  favourite: feedItems.favourite,
  dismissed: feedItems.dismissed,
  fullText: feedItems.fullText,
  fullTextFetchedAt: feedItems.fullTextFetchedAt,
  createdAt: feedItems.createdAt,
  feedTitle: feeds.title,
};

export class NewsRepository {
  constructor(private readonly db: Database) {}

  private where(ownerId: string, query: NewsQuery, now: Date): SQL {
    const conditions: (SQL | undefined)[] = [eq(feedItems.ownerId, ownerId), eq(feedItems.dismissed, query.dismissed === 'true')];
    if (query.favourite === 'true') conditions.push(eq(feedItems.favourite, true));
    if (query.feedId) conditions.push(eq(feedItems.feedId, query.feedId));
    if (query.band) {
      const band = SCORE_BANDS[query.band];
      conditions.push(gte(feedItems.score, band.min), lte(feedItems.score, band.max));
    }
    if (query.freshness) {
      const since = new Date(now.getTime() - FRESHNESS_HOURS[query.freshness] * 3600_000);
      conditions.push(sql`${seenAt} >= ${since.toISOString()}::timestamptz`);
    }
    if (query.q) {
      const pattern = `%${escapeLike(query.q)}%`;
      conditions.push(or(ilike(feedItems.title, pattern), ilike(feedItems.summary, pattern)));
    }
    return and(...conditions)!;
  }

  async list(ownerId: string, query: NewsQuery, now: Date): Promise<{ rows: NewsItemRow[]; total: number }> {
    const where = this.where(ownerId, query, now);
    const rows = await this.db
      .select(columns)
      .from(feedItems)
      .innerJoin(feeds, eq(feeds.id, feedItems.feedId))
      .where(where)
      .orderBy(desc(seenAt), desc(feedItems.id))
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0);
    const [total] = await this.db.select({ n: count() }).from(feedItems).where(where);
    return { rows, total: Number(total?.n ?? 0) };
  }

  async findOwned(ownerId: string, id: string): Promise<NewsItemRow | null> {
    const [row] = await this.db
      .select(columns)
      .from(feedItems)
      .innerJoin(feeds, eq(feeds.id, feedItems.feedId))
      .where(and(eq(feedItems.id, id), eq(feedItems.ownerId, ownerId)));
    return row ?? null;
  }

  async setFlags(ownerId: string, id: string, flags: { favourite?: boolean; dismissed?: boolean }): Promise<boolean> {
    const rows = await this.db
      .update(feedItems)
      .set(flags)
      .where(and(eq(feedItems.id, id), eq(feedItems.ownerId, ownerId)))
      .returning({ id: feedItems.id });
    return rows.length > 0;
  }

  async saveFullText(id: string, text: string, at: Date): Promise<void> {
    await this.db.update(feedItems).set({ fullText: text, fullTextFetchedAt: at }).where(eq(feedItems.id, id));
  }
}
