import type { DatabaseHandle, SqlExecutor } from '../../db/client.ts';
import {
  OWNED_PROJECT,
  SCRIPT_HISTORY,
  SCRIPT_STEP,
  nextContentVersion,
  sourceContentOf,
  sourceVersionsOf,
  stageNumbers,
  statementName,
  upsertManyStatement,
} from './steps.sql.ts';

export interface StepRow {
  id: string;
  projectId: string;
  stepNumber: number;
  data: Record<string, unknown>;
  completedAt: Date | null;
  skipReason: string | null;
  version: number;
  derivedFrom: Record<string, number>;
  /** Current versions of the steps this one derives from (per the stage registry). */
  sourceVersions: Record<string, number>;
  /** Moves only when the data changes; what freshness compares. */
  contentVersion: number;
  /** Content versions of the sources this step was built from. */
  derivedContent: Record<string, number>;
  /** Current content versions of the sources. */
  sourceContents: Record<string, number>;
  createdAt: Date;
  updatedAt: Date;
}

export interface StepWrite {
  ownerId: string;
  projectId: string;
  stepNumber: number;
  data: Record<string, unknown>;
  /** undefined leaves the stored value unchanged; null clears it. */
  completedAt?: string | null;
  skipReason?: string | null;
  baseVersion?: number;
  /** Sent by the client; merged over the sources' current versions. */
  derivedFrom?: Record<string, number>;
  sources: number[];
  /** The caller holds the row (perhaps an empty version-0 placeholder): update it, never insert. */
  rowExists?: boolean;
  /** JSON.stringify(data), when the caller already made it. */
  dataJson?: string;
}

const asDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const asJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export function mapStepRow(r: Record<string, unknown>, data?: Record<string, unknown>): StepRow {
  return {
    id: String(r.id),
    projectId: String(r.project_id),
    stepNumber: Number(r.step_number),
    data: data ?? asJson(r.data),
    completedAt: r.completed_at == null ? null : asDate(r.completed_at),
    skipReason: (r.skip_reason as string | null) ?? null,
    version: Number(r.version),
    derivedFrom: asJson(r.derived_from) ?? {},
    sourceVersions: asJson(r.source_versions) ?? {},
    contentVersion: Number(r.content_version ?? 1),
    derivedContent: asJson(r.derived_content) ?? {},
    sourceContents: asJson(r.source_contents) ?? {},
    createdAt: asDate(r.created_at),
    updatedAt: asDate(r.updated_at),
  };
}

export class StepsRepository {
  constructor(private readonly database: DatabaseHandle) {}

  /**
   * Unconditional upserts (insert, or replace the data and bump the version), one statement for
   * all: see upsertManyStatement. The writes must be of distinct projects and set the same fields
   * (completedAt, skipReason). One result per write, in order; null when the project is missing or
   * not the owner's. The data is not read back: the json column keeps it exactly as sent.
   */
  async upsertMany(writes: StepWrite[]): Promise<Array<StepRow | null>> {
    const first = writes[0];
    if (!first) return [];
    const text = upsertManyStatement(first.completedAt !== undefined, first.skipReason !== undefined);
    const input = writes.map(
      (w) =>
        `{"p":${JSON.stringify(w.projectId)},"o":${JSON.stringify(w.ownerId)},"n":${Number(w.stepNumber)},` +
        `"c":${JSON.stringify(w.completedAt ?? null)},"s":${JSON.stringify(w.skipReason ?? null)},` +
        `"f":${w.derivedFrom && Object.keys(w.derivedFrom).length > 0 ? JSON.stringify(w.derivedFrom) : 'null'},` +
        `"src":${JSON.stringify(w.sources)},"d":${w.dataJson ?? JSON.stringify(w.data)}}`,
    );
    const result = await this.database.executeSql(text, [`[${input.join(',')}]`], { name: statementName(text) });
    const byProject = new Map(result.rows.map((r) => [String(r.project_id), r]));
    return writes.map((w) => {
      // PostgreSQL returns uuids in lower case; the path may have carried upper case.
      const row = byProject.get(w.projectId.toLowerCase());
      return row ? mapStepRow(row, w.data) : null;
    });
  }

  /**
   * One atomic statement, only when the stored version is still baseVersion (0: only when the
   * step does not exist yet, unless rowExists); for stage 3 the same statement records a new final
   * script in the history. Null when nothing was written (project not found, or version mismatch).
   */
  async write(w: StepWrite & { baseVersion: number }, exec: SqlExecutor = this.database.executeSql): Promise<StepRow | null> {
    const values: unknown[] = [
      w.projectId,
      w.ownerId,
      w.stepNumber,
      w.dataJson ?? JSON.stringify(w.data),
      w.completedAt ?? null,
      w.skipReason ?? null,
    ];
    // derived_from: the sources' versions now, overridden by what the client says it built from.
    // derived_content moves only when the data is rebuilt (or the client says what it built from):
    // completing or skipping a step does not make old output current.
    let derived = '(select v from sv)';
    let claimed: string | null = null;
    if (w.derivedFrom && Object.keys(w.derivedFrom).length > 0) {
      values.push(JSON.stringify(w.derivedFrom));
      claimed = `$${values.length}::jsonb`;
      derived = `((select v from sv)::jsonb || ${claimed})::json`;
    }
    const derivedContent = sourceContentOf('$1', stageNumbers(w.sources), claimed);
    let statement: string;
    if (w.baseVersion === 0 && !w.rowExists) {
      statement = `insert into project_steps as s (project_id, step_number, data, completed_at, skip_reason, derived_from, derived_content)
        select p.id, $3, $4::json, $5::timestamptz, $6::text, ${derived}, ${derivedContent} from p on conflict (project_id, step_number) do nothing`;
    } else {
      values.push(w.completedAt !== undefined, w.skipReason !== undefined, w.baseVersion);
      // Absent fields keep their stored value; null clears it.
      statement = `update project_steps s set data = $4::json,
          completed_at = case when $${values.length - 2}::boolean then $5::timestamptz else s.completed_at end,
          skip_reason = case when $${values.length - 1}::boolean then $6::text else s.skip_reason end,
          derived_from = ${derived}, content_version = ${nextContentVersion('$4')},
          derived_content = ${claimed ? derivedContent : `case when s.data::jsonb is distinct from $4::jsonb then ${derivedContent} else s.derived_content end`},
          version = s.version + 1, updated_at = now()
        from p where s.project_id = p.id and s.step_number = $3 and s.version = $${values.length}`;
    }
    // The sources' current versions, read once for derived_from and for `stale`. The data is not read
    // back: the json column keeps it exactly as sent, so the caller's object is the row's.
    const text = `${OWNED_PROJECT}, sv as (select ${sourceVersionsOf('$1', stageNumbers(w.sources))} as v),
      written as (${statement} returning s.*)${w.stepNumber === SCRIPT_STEP ? SCRIPT_HISTORY : ''}
      select w.id, w.project_id, w.step_number, w.completed_at, w.skip_reason, w.version, w.derived_from,
        w.content_version, w.derived_content, w.created_at, w.updated_at, (select v from sv) as source_versions,
        ${sourceContentOf('$1', stageNumbers(w.sources))} as source_contents from written w`;
    const result = await exec(text, values, { name: statementName(text) });
    return result.rows[0] ? mapStepRow(result.rows[0], w.data) : null;
  }

  /** All steps of the owner's live project; null when the project is missing or not theirs. */
  async list(ownerId: string, projectId: string, sourcesByStep: Record<number, number[]>): Promise<StepRow[] | null> {
    const result = await this.database.executeSql(
      `select p.id as owned, s.* from projects p
       left join project_steps s on s.project_id = p.id
       where p.id = $1 and p.owner_id = $2 and p.deleted_at is null
       order by s.step_number`,
      [projectId, ownerId],
      { name: 'rf_steps_list' },
    );
    if (result.rows.length === 0) return null;
    const rows = result.rows.filter((r) => r.id != null).map((r) => mapStepRow(r));
    const byNumber = new Map(rows.map((r) => [r.stepNumber, r]));
    for (const row of rows) {
      const sources = (sourcesByStep[row.stepNumber] ?? []).flatMap((n) => (byNumber.has(n) ? [byNumber.get(n)!] : []));
      row.sourceVersions = Object.fromEntries(sources.map((source) => [String(source.stepNumber), source.version]));
      row.sourceContents = Object.fromEntries(sources.map((source) => [String(source.stepNumber), source.contentVersion]));
    }
    return rows;
  }

  /** One step, for 412 bodies and merges; lock it with forUpdate inside a transaction. */
  async find(projectId: string, stepNumber: number, sources: number[], exec: SqlExecutor = this.database.executeSql, forUpdate = false) {
    const result = await exec(
      `select s.*, ${sourceVersionsOf('s.project_id', stageNumbers(sources))} as source_versions,
         ${sourceContentOf('s.project_id', stageNumbers(sources))} as source_contents
       from project_steps s where s.project_id = $1 and s.step_number = $2 ${forUpdate ? 'for update' : ''}`,
      [projectId, stepNumber],
    );
    return result.rows[0] ? mapStepRow(result.rows[0]) : null;
  }

  /** Creates an empty step (version 0) if there is none, so a merge can lock a row. */
  async ensureExists(ownerId: string, projectId: string, stepNumber: number, exec: SqlExecutor): Promise<boolean> {
    const result = await exec(
      `select id from projects where id = $1 and owner_id = $2 and deleted_at is null for update`,
      [projectId, ownerId],
    );
    if (result.rows.length === 0) return false;
    await exec(
      `insert into project_steps (project_id, step_number, data, version, content_version) values ($1, $2, '{}'::json, 0, 0)
       on conflict (project_id, step_number) do nothing`,
      [projectId, stepNumber],
    );
    return true;
  }
}
