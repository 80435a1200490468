import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.ts';
import { factoryDrafts, factoryItems, factoryRuns, factorySettings } from '../../db/schema.ts';

export type SettingsRow = typeof factorySettings.$inferSelect;
export type RunRow = typeof factoryRuns.$inferSelect;
export type ItemRow = typeof factoryItems.$inferSelect;
export type DraftRow = typeof factoryDrafts.$inferSelect;
export type NewDraft = Omit<typeof factoryDrafts.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export interface Candidate {
  id: string;
  feedId: string;
  feedTitle: string | null;
  title: string;
  summary: string | null;
  url: string | null;
  imageUrl: string | null;
  publishedAt: Date | null;
  language: string | null;
  fullText: string | null;
}

/** The day and month the counters belong to ("2026-12-03", "2026-12"), in UTC. */
export interface UsagePeriod {
  day: string;
  month: string;
}

/** Today's count and this month's spend; a new day or month starts from zero. */
const CURRENT_DRAFTS = '(case when usage_day = $2 then drafts_today else 0 end)';
const CURRENT_SPEND = '(case when usage_month = $3 then spent_micros else 0 end)';

export class FactoryRepository {
  constructor(private readonly database: DatabaseHandle) {}

  private get db() {
    return this.database.db;
  }

  async settings(ownerId: string): Promise<SettingsRow | null> {
    const [row] = await this.db.select().from(factorySettings).where(eq(factorySettings.ownerId, ownerId));
    return row ?? null;
  }

  /** Creates the row with `initial` when missing, so every later change is a plain UPDATE. */
  async ensureSettings(ownerId: string, initial: { rules: unknown; learned: unknown }): Promise<SettingsRow> {
    await this.db.insert(factorySettings).values({ ownerId, ...initial }).onConflictDoNothing();
    return (await this.settings(ownerId))!;
  }

  async updateSettings(ownerId: string, values: Partial<Pick<SettingsRow, 'rules' | 'learned' | 'profile'>>): Promise<SettingsRow> {
    const [row] = await this.db.update(factorySettings).set({ ...values, updatedAt: new Date() }).where(eq(factorySettings.ownerId, ownerId)).returning();
    return row!;
  }

  /**
   * Read-modify-write of the learned state and profile under a row lock, so two reviews at once
   * both count.
   */
  async changeLearning(ownerId: string, change: (learned: unknown, profile: unknown) => { learned: unknown; profile: unknown }): Promise<void> {
    await this.database.transaction(async (exec) => {
      const { rows } = await exec('select learned, profile from factory_settings where owner_id = $1 for update', [ownerId]);
      if (!rows[0]) return;
      const next = change(rows[0].learned, rows[0].profile);
      await exec('update factory_settings set learned = $2::json, profile = $3::json, updated_at = now() where owner_id = $1', [ownerId, JSON.stringify(next.learned), JSON.stringify(next.profile)]);
    });
  }

  ownersWithFactoryOn(): Promise<{ ownerId: string }[]> {
    return this.db.select({ ownerId: factorySettings.ownerId }).from(factorySettings).where(sql`(${factorySettings.rules}->>'enabled')::boolean`);
  }

  /**
   * Takes one draft (and its estimated spend) from today's allowance and this month's budget in
   * one conditional UPDATE; the limits are read from the row's own rules. Null when either is used up.
   */
  async reserveDraft(ownerId: string, period: UsagePeriod, costMicros: number): Promise<boolean> {
    const { rowCount } = await this.database.executeSql(
      `update factory_settings set
         drafts_today = ${CURRENT_DRAFTS} + 1, usage_day = $2,
         spent_micros = ${CURRENT_SPEND} + $4, usage_month = $3
       where owner_id = $1
         and ${CURRENT_DRAFTS} < (rules->>'draftsPerDay')::int
         and (rules->>'monthlyBudget' is null
              or ${CURRENT_SPEND} + $4 <= round((rules->>'monthlyBudget')::numeric * 1000000))`,
      [ownerId, period.day, period.month, costMicros],
    );
    return rowCount > 0;
  }

  /** Gives back a reserved draft (and, when nothing was spent, its spend). */
  async releaseDraft(ownerId: string, period: UsagePeriod, refundMicros: number): Promise<void> {
    await this.database.executeSql(
      `update factory_settings set
         drafts_today = case when usage_day = $2 then greatest(0, drafts_today - 1) else drafts_today end,
         spent_micros = case when usage_month = $3 then greatest(0, spent_micros - $4) else spent_micros end
       where owner_id = $1`,
      [ownerId, period.day, period.month, refundMicros],
    );
  }

  /** Stories of the author's feeds the factory never took up, newest first. */
  async candidates(ownerId: string, feedIds: string[], since: Date, limit: number): Promise<Candidate[]> {
    const feedFilter = feedIds.length ? sql`and i.feed_id in (${sql.join(feedIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
    const result = await this.db.execute(sql`
      select i.id, i.feed_id as "feedId", f.title as "feedTitle", i.title, i.summary, i.url, i.image_url as "imageUrl",
             i.published_at as "publishedAt", i.language, i.full_text as "fullText"
      from feed_items i join feeds f on f.id = i.feed_id
      where i.owner_id = ${ownerId} and not i.dismissed ${feedFilter}
        and coalesce(i.published_at, i.created_at) >= ${since.toISOString()}::timestamptz
        and not exists (select 1 from factory_items x where x.owner_id = i.owner_id and x.feed_item_id = i.id)
      order by coalesce(i.published_at, i.created_at) desc
      limit ${limit}`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<Candidate & { publishedAt: string | Date | null }>;
    return rows.map((row) => ({ ...row, publishedAt: row.publishedAt ? new Date(row.publishedAt) : null }));
  }

  /** Null when the story was already taken up (by this run or any other): never twice. */
  async claimItem(ownerId: string, feedItemId: string, runId: string, title: string): Promise<ItemRow | null> {
    const [row] = await this.db.insert(factoryItems).values({ ownerId, feedItemId, runId, title }).onConflictDoNothing().returning();
    return row ?? null;
  }

  async updateItem(id: string, values: Partial<Pick<ItemRow, 'status' | 'reason' | 'log'>>): Promise<void> {
    await this.db.update(factoryItems).set(values).where(eq(factoryItems.id, id));
  }

  async startRun(ownerId: string, trigger: 'schedule' | 'manual'): Promise<RunRow> {
    const [row] = await this.db.insert(factoryRuns).values({ ownerId, trigger }).returning();
    return row!;
  }

  async finishRun(id: string, values: Pick<RunRow, 'status' | 'summary' | 'error'>, at: Date): Promise<void> {
    await this.db.update(factoryRuns).set({ ...values, finishedAt: at }).where(eq(factoryRuns.id, id));
  }

  async recentRuns(ownerId: string, limit: number): Promise<{ run: RunRow; items: ItemRow[] }[]> {
    const runs = await this.db.select().from(factoryRuns).where(eq(factoryRuns.ownerId, ownerId)).orderBy(desc(factoryRuns.startedAt)).limit(limit);
    if (runs.length === 0) return [];
    const items = await this.db.select().from(factoryItems).where(inArray(factoryItems.runId, runs.map((r) => r.id))).orderBy(factoryItems.createdAt);
    return runs.map((run) => ({ run, items: items.filter((i) => i.runId === run.id) }));
  }

  async insertDraft(draft: NewDraft): Promise<DraftRow> {
    const [row] = await this.db.insert(factoryDrafts).values(draft).returning();
    return row!;
  }

  listDrafts(ownerId: string, status: string | undefined): Promise<DraftRow[]> {
    const where = status ? and(eq(factoryDrafts.ownerId, ownerId), eq(factoryDrafts.status, status)) : eq(factoryDrafts.ownerId, ownerId);
    return this.db.select().from(factoryDrafts).where(where).orderBy(desc(factoryDrafts.createdAt)).limit(200);
  }

  async findDraft(ownerId: string, id: string): Promise<DraftRow | null> {
    const [row] = await this.db.select().from(factoryDrafts).where(and(eq(factoryDrafts.id, id), eq(factoryDrafts.ownerId, ownerId)));
    return row ?? null;
  }

  /**
   * Changes a draft only if it is still pending at the revision it was read at: two reviews of
   * the same draft at once cannot both apply. Null when it moved on.
   */
  async updateDraftAt(id: string, revision: number, values: Partial<NewDraft>): Promise<DraftRow | null> {
    const [row] = await this.db
      .update(factoryDrafts)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(factoryDrafts.id, id), eq(factoryDrafts.revision, revision), eq(factoryDrafts.status, 'pending')))
      .returning();
    return row ?? null;
  }

  async setDraft(id: string, values: Partial<NewDraft>): Promise<DraftRow | null> {
    const [row] = await this.db.update(factoryDrafts).set({ ...values, updatedAt: new Date() }).where(eq(factoryDrafts.id, id)).returning();
    return row ?? null;
  }
}
