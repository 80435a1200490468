import type { BatchItemInput, BatchOptions } from '../../../contracts/batch.ts';
import type { DatabaseHandle } from '../../db/client.ts';

export interface BatchRow {
  id: string;
  ownerId: string;
  makeVideo: boolean;
  options: BatchOptions;
  createdAt: Date;
}

export interface BatchItemRow {
  position: number;
  kind: 'news' | 'library';
  ref: string;
  refVersion: number | null;
  label: string;
  state: 'pending' | 'created' | 'failed';
  projectId: string | null;
  makeJobId: string | null;
  error: string | null;
  /** The make job, when there is one. */
  job: { state: string; progress: number; step: string | null; error: string | null } | null;
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/** Batches and their items; the item a worker is making is the only writer of its row. */
export class BatchRepository {
  constructor(private readonly database: DatabaseHandle) {}

  /** Titles of the owner's news items and library entries (with their versions), to label the items; missing ones are absent. */
  async labels(ownerId: string, newsIds: string[], entryIds: string[]): Promise<{ news: Map<string, string>; library: Map<string, { title: string; versions: Set<number> }> }> {
    const news = newsIds.length
      ? (await this.database.executeSql(`select id, title from feed_items where owner_id = $1 and id = any($2::uuid[])`, [ownerId, newsIds])).rows
      : [];
    const entries = entryIds.length
      ? (
          await this.database.executeSql(
            `select e.id, e.title, array_agg(v.version) as versions from library_scripts e join library_script_versions v on v.entry_id = e.id
             where e.owner_id = $1 and e.id = any($2::uuid[]) group by e.id, e.title`,
            [ownerId, entryIds],
          )
        ).rows
      : [];
    return {
      news: new Map(news.map((r) => [String(r.id), String(r.title)])),
      library: new Map(entries.map((r) => [String(r.id), { title: String(r.title), versions: new Set((r.versions as unknown[]).map(Number)) }])),
    };
  }

  /** The batch and all its items in one transaction. */
  async create(ownerId: string, makeVideo: boolean, options: BatchOptions, items: Array<{ input: BatchItemInput; label: string }>): Promise<string> {
    return this.database.transaction(async (exec) => {
      const batch = await exec(`insert into batches (owner_id, make_video, options) values ($1, $2, $3::json) returning id`, [ownerId, makeVideo, JSON.stringify(options)]);
      const id = String(batch.rows[0]!.id);
      for (const [position, { input, label }] of items.entries()) {
        const ref = input.kind === 'news' ? input.newsItemId : input.entryId;
        const version = input.kind === 'library' ? (input.version ?? null) : null;
        await exec(`insert into batch_items (batch_id, position, kind, ref, ref_version, label) values ($1, $2, $3, $4, $5, $6)`, [id, position, input.kind, ref, version, label]);
      }
      return id;
    });
  }

  async setJob(batchId: string, jobId: string): Promise<void> {
    await this.database.executeSql(`update batches set job_id = $2 where id = $1`, [batchId, jobId]);
  }

  async find(batchId: string, ownerId?: string): Promise<BatchRow | null> {
    const result = await this.database.executeSql(`select id, owner_id, make_video, options, created_at from batches where id = $1 and ($2::uuid is null or owner_id = $2)`, [batchId, ownerId ?? null]);
    const r = result.rows[0];
    if (!r) return null;
    return { id: String(r.id), ownerId: String(r.owner_id), makeVideo: Boolean(r.make_video), options: json(r.options) as BatchOptions, createdAt: r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)) };
  }

  async items(batchId: string): Promise<BatchItemRow[]> {
    const result = await this.database.executeSql(
      `select i.position, i.kind, i.ref, i.ref_version, i.label, i.state, i.project_id, i.make_job_id, i.error,
              j.state as job_state, j.progress as job_progress, j.step as job_step, j.error as job_error
       from batch_items i left join jobs j on j.id = i.make_job_id
       where i.batch_id = $1 order by i.position`,
      [batchId],
    );
    return result.rows.map((r) => ({
      position: Number(r.position),
      kind: r.kind as BatchItemRow['kind'],
      ref: String(r.ref),
      refVersion: r.ref_version == null ? null : Number(r.ref_version),
      label: String(r.label),
      state: r.state as BatchItemRow['state'],
      projectId: (r.project_id as string | null) ?? null,
      makeJobId: (r.make_job_id as string | null) ?? null,
      error: (r.error as string | null) ?? null,
      job: r.job_state == null ? null : { state: String(r.job_state), progress: Number(r.job_progress), step: (r.job_step as string | null) ?? null, error: (r.job_error as string | null) ?? null },
    }));
  }

  async markCreated(batchId: string, position: number, projectId: string, makeJobId: string | null): Promise<void> {
    await this.database.executeSql(`update batch_items set state = 'created', project_id = $3, make_job_id = $4, error = null, updated_at = now() where batch_id = $1 and position = $2`, [
      batchId,
      position,
      projectId,
      makeJobId,
    ]);
  }

  async markFailed(batchId: string, position: number, error: string, projectId: string | null = null): Promise<void> {
    await this.database.executeSql(`update batch_items set state = 'failed', error = $3, project_id = coalesce($4, project_id), updated_at = now() where batch_id = $1 and position = $2`, [
      batchId,
      position,
      error.slice(0, 1000),
      projectId,
    ]);
  }
}
