import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { MetricValues, Prediction } from '../../../contracts/performance.ts';
import type { Database } from '../../db/client.ts';
import { metricReadings, projects, publications, videoPredictions } from '../../db/schema.ts';

export type PublicationRow = typeof publications.$inferSelect;
export type ReadingRow = typeof metricReadings.$inferSelect;
export interface NewReading {
  readAt: Date;
  source: string;
  values: MetricValues;
}

export interface RefreshOutcome {
  status: string;
  error: string | null;
  at: Date;
  refreshAfter: Date | null;
  failures: number;
  externalId?: string | null;
}

export class PerformanceRepository {
  constructor(private readonly db: Database) {}

  /** Null when this video already has a publication with this platform and URL. */
  async insertPublication(row: { ownerId: string; projectId: string; platform: string; url: string; publishedAt: Date }): Promise<PublicationRow | null> {
    const [inserted] = await this.db.insert(publications).values(row).onConflictDoNothing().returning();
    return inserted ?? null;
  }

  async removePublication(ownerId: string, id: string): Promise<boolean> {
    const rows = await this.db.delete(publications).where(and(eq(publications.id, id), eq(publications.ownerId, ownerId))).returning({ id: publications.id });
    return rows.length > 0;
  }

  async findPublication(ownerId: string, id: string): Promise<PublicationRow | null> {
    const [row] = await this.db.select().from(publications).where(and(eq(publications.id, id), eq(publications.ownerId, ownerId)));
    return row ?? null;
  }

  /** Publications of one project, or of every live project of the owner. */
  listPublications(ownerId: string, projectId?: string): Promise<Array<PublicationRow & { title: string }>> {
    return this.db
      .select({ ...publicationColumns(), title: projects.title })
      .from(publications)
      .innerJoin(projects, eq(projects.id, publications.projectId))
      .where(and(eq(publications.ownerId, ownerId), isNull(projects.deletedAt), projectId ? eq(publications.projectId, projectId) : undefined))
      .orderBy(asc(publications.publishedAt), asc(publications.createdAt));
  }

  readingsOf(publicationIds: string[]): Promise<ReadingRow[]> {
    if (publicationIds.length === 0) return Promise.resolve([]);
    return this.db.select().from(metricReadings).where(inArray(metricReadings.publicationId, publicationIds)).orderBy(asc(metricReadings.readAt), asc(metricReadings.createdAt));
  }

  /** All rows in one statement: a CSV import stores every line or none. A reading at the same time from the same source is replaced. */
  async addReadings(publicationId: string, readings: NewReading[]): Promise<number> {
    if (readings.length === 0) return 0;
    const rows = await this.db
      .insert(metricReadings)
      .values(readings.map((r) => ({ publicationId, readAt: r.readAt, source: r.source, values: r.values })))
      .onConflictDoUpdate({ target: [metricReadings.publicationId, metricReadings.source, metricReadings.readAt], set: { values: sql`excluded.values` } })
      .returning({ id: metricReadings.id });
    return rows.length;
  }

  async removeReading(ownerId: string, publicationId: string, readingId: string): Promise<boolean> {
    const owned = await this.findPublication(ownerId, publicationId);
    if (!owned) return false;
    const rows = await this.db
      .delete(metricReadings)
      .where(and(eq(metricReadings.id, readingId), eq(metricReadings.publicationId, publicationId)))
      .returning({ id: metricReadings.id });
    return rows.length > 0;
  }

  /** Publications on a provider's platform whose backoff has passed, oldest refresh first. */
  dueForRefresh(platforms: string[], now: Date, limit: number): Promise<PublicationRow[]> {
    return this.db
      .select()
      .from(publications)
      .where(and(inArray(publications.platform, platforms), or(isNull(publications.refreshAfter), lte(publications.refreshAfter, now))))
      .orderBy(sql`${publications.refreshedAt} asc nulls first`)
      .limit(limit);
  }

  async recordRefresh(id: string, outcome: RefreshOutcome): Promise<void> {
    await this.db
      .update(publications)
      .set({
        refreshStatus: outcome.status,
        refreshError: outcome.error,
        refreshedAt: outcome.at,
        refreshAfter: outcome.refreshAfter,
        refreshFailures: outcome.failures,
        ...(outcome.externalId !== undefined ? { externalId: outcome.externalId } : {}),
      })
      .where(eq(publications.id, id));
  }

  /** One prediction per video: a new render replaces the last one. */
  async savePrediction(ownerId: string, projectId: string, data: Omit<Prediction, 'renderedAt'>, renderedAt: Date): Promise<void> {
    await this.db
      .insert(videoPredictions)
      .values({ ownerId, projectId, data, renderedAt })
      .onConflictDoUpdate({ target: videoPredictions.projectId, set: { data, renderedAt } });
  }

  async predictionsOf(ownerId: string, projectIds?: string[]): Promise<Map<string, Prediction>> {
    const rows = await this.db
      .select()
      .from(videoPredictions)
      .where(and(eq(videoPredictions.ownerId, ownerId), projectIds ? inArray(videoPredictions.projectId, projectIds.length ? projectIds : ['00000000-0000-0000-0000-000000000000']) : undefined));
    return new Map(rows.map((row) => [row.projectId, { ...(row.data as Omit<Prediction, 'renderedAt'>), renderedAt: row.renderedAt.toISOString() }]));
  }
}

function publicationColumns() {
  const { id, ownerId, projectId, platform, url, publishedAt, externalId, refreshStatus, refreshError, refreshedAt, refreshAfter, refreshFailures, createdAt } = publications;
  return { id, ownerId, projectId, platform, url, publishedAt, externalId, refreshStatus, refreshError, refreshedAt, refreshAfter, refreshFailures, createdAt };
}
