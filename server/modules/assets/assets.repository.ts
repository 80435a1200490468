import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { assets } from '../../db/schema.ts';

export type AssetRow = typeof assets.$inferSelect;
export type NewAsset = typeof assets.$inferInsert;

export class AssetsRepository {
  constructor(private readonly db: Database) {}

  async insert(asset: NewAsset): Promise<AssetRow> {
    const [row] = await this.db.insert(assets).values(asset).returning();
    return row!;
  }

  async findOwned(ownerId: string, id: string): Promise<AssetRow | null> {
    const rows = await this.db.select().from(assets).where(and(eq(assets.id, id), eq(assets.ownerId, ownerId))).limit(1);
    return rows[0] ?? null;
  }

  async find(id: string): Promise<AssetRow | null> {
    const rows = await this.db.select().from(assets).where(eq(assets.id, id)).limit(1);
    return rows[0] ?? null;
  }

  listForProject(ownerId: string, projectId: string, kind?: string): Promise<AssetRow[]> {
    return this.db
      .select()
      .from(assets)
      .where(and(eq(assets.ownerId, ownerId), eq(assets.projectId, projectId), kind ? eq(assets.kind, kind) : undefined))
      .orderBy(desc(assets.createdAt));
  }

  /** Adds or replaces top-level meta fields in one statement (no read-then-write). */
  async mergeMeta(ownerId: string, id: string, patch: Record<string, unknown>): Promise<AssetRow | null> {
    const rows = await this.db
      .update(assets)
      .set({ meta: sql`(coalesce(${assets.meta}::jsonb, '{}'::jsonb) || ${JSON.stringify(patch)}::jsonb)::json` })
      .where(and(eq(assets.id, id), eq(assets.ownerId, ownerId)))
      .returning();
    return rows[0] ?? null;
  }

  async delete(ownerId: string, id: string): Promise<AssetRow | null> {
    const rows = await this.db.delete(assets).where(and(eq(assets.id, id), eq(assets.ownerId, ownerId))).returning();
    return rows[0] ?? null;
  }
}
