import type { JobFailureCode, JobFailureParams } from '../../../contracts/job-failures.ts';
import type { Job, JobName, JobState } from '../../../contracts/jobs.ts';
import type { DatabaseHandle } from '../../db/client.ts';

export interface JobRow extends Job {
  ownerId: string;
  payload: unknown;
  heartbeatAt: string | null;
}

const iso = (v: unknown) => (v == null ? null : (v instanceof Date ? v : new Date(String(v))).toISOString());
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

function mapJob(r: Record<string, unknown>): JobRow {
  return {
    id: String(r.id),
    ownerId: String(r.owner_id),
    name: r.name as JobName,
    projectId: (r.project_id as string | null) ?? null,
    state: r.state as JobState,
    progress: Number(r.progress),
    step: (r.step as string | null) ?? null,
    error: (r.error as string | null) ?? null,
    errorCode: (r.error_code as JobFailureCode | null) ?? null,
    errorParams: (json(r.error_params) as JobFailureParams | null) ?? null,
    result: json(r.result) ?? null,
    payload: json(r.payload),
    attempts: Number(r.attempts),
    createdAt: iso(r.created_at)!,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    updatedAt: iso(r.updated_at)!,
    heartbeatAt: iso(r.heartbeat_at),
  };
}

export class JobsRepository {
  constructor(private readonly database: DatabaseHandle) {}

  private async one(text: string, values: unknown[]): Promise<JobRow | null> {
    const result = await this.database.executeSql(text, values);
    return result.rows[0] ? mapJob(result.rows[0]) : null;
  }

  /** Inserts a queued job; with a dedupe key already queued or running, returns null instead. */
  insert(job: { ownerId: string; projectId: string | null; name: JobName; payload: unknown; dedupeKey: string | null }) {
    return this.one(
      `insert into jobs (owner_id, project_id, name, payload, dedupe_key) values ($1, $2, $3, $4::json, $5)
       on conflict (dedupe_key) where state in ('queued', 'running') do nothing returning *`,
      [job.ownerId, job.projectId, job.name, JSON.stringify(job.payload), job.dedupeKey],
    );
  }

  findActiveByDedupeKey(dedupeKey: string) {
    return this.one(`select * from jobs where dedupe_key = $1 and state in ('queued', 'running')`, [dedupeKey]);
  }

  find(id: string) {
    return this.one('select * from jobs where id = $1', [id]);
  }

  findOwned(ownerId: string, id: string) {
    return this.one('select * from jobs where id = $1 and owner_id = $2', [id, ownerId]);
  }

  async listForProject(ownerId: string, projectId: string, limit = 50): Promise<JobRow[]> {
    const result = await this.database.executeSql(
      'select * from jobs where owner_id = $1 and project_id = $2 order by created_at desc limit $3',
      [ownerId, projectId, limit],
    );
    return result.rows.map(mapJob);
  }

  /** queued|running -> cancelled; null when the job had already ended. */
  cancel(ownerId: string, id: string) {
    return this.one(
      `update jobs set state = 'cancelled', finished_at = now(), updated_at = now(), step = 'cancelled'
       where id = $1 and owner_id = $2 and state in ('queued', 'running') returning *`,
      [id, ownerId],
    );
  }

  /** Claims a job for a run; null when it was cancelled (or finished) meanwhile. */
  markRunning(id: string) {
    return this.one(
      `update jobs set state = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()),
         heartbeat_at = now(), updated_at = now(), error = null, error_code = null, error_params = null
       where id = $1 and state in ('queued', 'running') returning *`,
      [id],
    );
  }

  /**
   * Progress and heartbeat in one write, for the run that claimed attempt `attempt`. 'lost' when the
   * job no longer runs as that attempt (taken back as abandoned, maybe already run by another
   * worker); 'cancelled' when the user cancelled it. Either way the runner must stop.
   */
  async reportProgress(id: string, attempt: number, progress: number | null, step: string | null): Promise<'running' | 'cancelled' | 'lost'> {
    const result = await this.database.executeSql(
      `update jobs set progress = coalesce($2, progress), step = coalesce($3, step), heartbeat_at = now(), updated_at = now()
       where id = $1 and state = 'running' and attempts = $4 returning state`,
      [id, progress, step, attempt],
    );
    if (result.rows[0]) return 'running';
    return (await this.find(id))?.state === 'cancelled' ? 'cancelled' : 'lost';
  }

  finish(id: string, state: 'succeeded' | 'failed', outcome: { result?: unknown; error?: string; errorCode?: JobFailureCode | null; errorParams?: JobFailureParams }) {
    return this.one(
      `update jobs set state = $2, result = $3::json, error = $4, error_code = $5, error_params = $6::json, finished_at = now(), updated_at = now(),
         progress = case when $2 = 'succeeded' then 1 else progress end, step = $2
       where id = $1 and state = 'running' returning *`,
      [
        id,
        state,
        outcome.result === undefined ? null : JSON.stringify(outcome.result),
        outcome.error ?? null,
        outcome.errorCode ?? null,
        outcome.errorCode ? JSON.stringify(outcome.errorParams ?? {}) : null,
      ],
    );
  }

  /** A failed attempt that will be retried: back to queued, with the reason kept. */
  requeue(id: string, error: string) {
    return this.one(
      `update jobs set state = 'queued', error = $2, step = 'waiting to retry', updated_at = now()
       where id = $1 and state = 'running' returning *`,
      [id, error],
    );
  }

  /** Running jobs whose worker stopped reporting (killed or hung). */
  async findAbandoned(olderThanSec: number): Promise<JobRow[]> {
    const result = await this.database.executeSql(
      `select * from jobs where state = 'running' and heartbeat_at < now() - make_interval(secs => $1)`,
      [olderThanSec],
    );
    return result.rows.map(mapJob);
  }
}
