import { and, desc, eq, ilike, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { projects } from '../../db/schema.ts';

export type ProjectRow = Omit<typeof projects.$inferSelect, 'createKey'> & { summary: string | null };

/** A line about the source: the article title, else the idea, text or URL of stage 1. */
const summary = sql<string | null>`(
  select left(coalesce(s2.data->>'title', s1.data->>'idea', s1.data->>'text', s1.data->>'url'), 160)
  from (select 1) as one
  left join project_steps s1 on s1.project_id = "projects"."id" and s1.step_number = 1
  left join project_steps s2 on s2.project_id = "projects"."id" and s2.step_number = 2
)`;

/** Last activity: the project row itself or any of its steps. */
const lastChanged = sql<Date>`greatest(${projects.updatedAt}, (select max(s.updated_at) from project_steps s where s.project_id = "projects"."id"))`.mapWith(
  (value: unknown) => (value instanceof Date ? value : new Date(String(value))),
);

const columns = {
  id: projects.id,
  ownerId: projects.ownerId,
  title: projects.title,
  status: projects.status,
  currentStage: projects.currentStage,
  maxStage: projects.maxStage,
  createdAt: projects.createdAt,
  updatedAt: lastChanged,
  deletedAt: projects.deletedAt,
  summary,
};

export interface ListFilter {
  status?: string;
  deleted: boolean;
  q?: string;
  limit: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export class ProjectsRepository {
  constructor(private readonly db: Database) {}

  /** With a createKey, a second create with the same key returns the first project instead of a new one. */
  async create(ownerId: string, title: string, createKey?: string): Promise<ProjectRow & { created: boolean }> {
    const [row] = await this.db
      .insert(projects)
      .values({ ownerId, title, createKey: createKey ?? null })
      .onConflictDoNothing({ target: [projects.ownerId, projects.createKey] })
      .returning();
    if (row) return { ...row, summary: null, created: true };
    const [existing] = await this.db
      .select()
      .from(projects)
      .where(and(eq(projects.ownerId, ownerId), eq(projects.createKey, createKey!)));
    return { ...existing!, summary: null, created: false };
  }

  list(ownerId: string, filter: ListFilter): Promise<ProjectRow[]> {
    const conditions = [
      eq(projects.ownerId, ownerId),
      filter.deleted ? isNotNull(projects.deletedAt) : isNull(projects.deletedAt),
      filter.status ? eq(projects.status, filter.status) : undefined,
      filter.q ? ilike(projects.title, `%${escapeLike(filter.q)}%`) : undefined,
    ];
    return this.db
      .select(columns)
      .from(projects)
      .where(and(...conditions))
      .orderBy(desc(filter.deleted ? projects.deletedAt : lastChanged), desc(projects.createdAt))
      .limit(filter.limit);
  }

  /** The owner's project; null for a missing one and for someone else's alike. */
  async findOwned(ownerId: string, id: string, includeDeleted = false): Promise<ProjectRow | null> {
    const rows = await this.db
      .select(columns)
      .from(projects)
      .where(and(eq(projects.id, id), eq(projects.ownerId, ownerId), includeDeleted ? undefined : isNull(projects.deletedAt)))
      .limit(1);
    return rows[0] ?? null;
  }

  async update(
    ownerId: string,
    id: string,
    changes: Partial<Pick<ProjectRow, 'title' | 'status' | 'currentStage' | 'maxStage' | 'deletedAt'>>,
    whereDeleted: boolean | null = false,
  ): Promise<boolean> {
    const deletedCondition =
      whereDeleted === null ? undefined : whereDeleted ? isNotNull(projects.deletedAt) : isNull(projects.deletedAt);
    const rows = await this.db
      .update(projects)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(and(eq(projects.id, id), eq(projects.ownerId, ownerId), deletedCondition))
      .returning({ id: projects.id });
    return rows.length > 0;
  }

  /** Moves the project to `to` if it is still at `from`; marks it in progress once past stage 1. */
  async moveStage(ownerId: string, id: string, from: number, to: number): Promise<boolean> {
    const rows = await this.db
      .update(projects)
      .set({
        currentStage: to,
        maxStage: sql`greatest(${projects.maxStage}, ${to})`,
        status: sql`case when ${projects.status} = 'draft' and ${to} > 1 then 'in_progress' else ${projects.status} end`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(projects.id, id), eq(projects.ownerId, ownerId), eq(projects.currentStage, from), isNull(projects.deletedAt)))
      .returning({ id: projects.id });
    return rows.length > 0;
  }

  /** Removes projects deleted before the given time, for good (steps go with them). */
  async purgeDeletedBefore(before: Date): Promise<string[]> {
    const rows = await this.db
      .delete(projects)
      .where(and(isNotNull(projects.deletedAt), lt(projects.deletedAt, before)))
      .returning({ id: projects.id });
    return rows.map((r) => r.id);
  }
}
