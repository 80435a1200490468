import { createHash } from 'node:crypto';
import type { DatabaseHandle, SqlExecutor } from '../../db/client.ts';

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
    createdAt: asDate(r.created_at),
    updatedAt: asDate(r.updated_at),
  };
}

/**
 * Versions of the given steps of the project, as a json object ({"3": 7}); steps that do not exist
 * are left out. Stage numbers come from the stage registry, never from input, so they are inlined.
 */
const sourceVersionsOf = (projectRef: string, sources: readonly number[]) =>
  sources.length === 0
    ? `'{}'::json`
    : `json_strip_nulls(json_build_object(${sources
        .map((n) => `'${Number(n)}', (select x.version from project_steps x where x.project_id = ${projectRef} and x.step_number = ${Number(n)})`)
        .join(', ')}))`;

/** A stable name per statement text: PostgreSQL parses and plans each prepared statement once per connection. */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `rf_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Stage 3's history (script_versions, for history and revert): a final script that differs from
 * the latest recorded one is recorded under the step version that saved it, by the same
 * statement as the write, so no save is missed and concurrent saves cannot collide.
 */
const SCRIPT_HISTORY = `, history as (
  insert into script_versions (project_id, version, final_script)
  select w.project_id, w.version, w.data->'finalScript' from written w
  where json_typeof(w.data->'finalScript') = 'object' and not exists (
    select 1 from script_versions h
    where h.project_id = w.project_id and h.final_script::jsonb = (w.data->'finalScript')::jsonb
      and h.version = (select max(l.version) from script_versions l where l.project_id = w.project_id)))`;

export const SCRIPT_STEP = 3;

/**
 * The owner's live project; no row when missing or not theirs. Read, not touched: the project
 * list derives "last changed" from its steps, so step writes stay one cheap row upsert.
 */
const OWNED_PROJECT = `with p as (select id from projects where id = $1 and owner_id = $2 and deleted_at is null)`;

export class StepsRepository {
  constructor(private readonly database: DatabaseHandle) {}

  /**
   * One atomic statement: insert or replace the step's data (bumping version), or, with
   * baseVersion, only when the stored version still matches; for stage 3 the same statement
   * records a new final script in the history. Null when nothing was written (project not
   * found, or version mismatch).
   */
  async write(w: StepWrite, exec: SqlExecutor = this.database.executeSql): Promise<StepRow | null> {
    const values: unknown[] = [
      w.projectId,
      w.ownerId,
      w.stepNumber,
      w.dataJson ?? JSON.stringify(w.data),
      w.completedAt ?? null,
      w.skipReason ?? null,
    ];
    // derived_from: the sources' versions now, overridden by what the client says it built from.
    let derived = '(select v from sv)';
    if (w.derivedFrom && Object.keys(w.derivedFrom).length > 0) {
      values.push(JSON.stringify(w.derivedFrom));
      derived = `((select v from sv)::jsonb || $${values.length}::jsonb)::json`;
    }
    const insert = `insert into project_steps as s (project_id, step_number, data, completed_at, skip_reason, derived_from)
      select p.id, $3, $4::json, $5::timestamptz, $6::text, ${derived} from p`;
    let statement: string;
    if (w.baseVersion === 0 && !w.rowExists) {
      statement = `${insert} on conflict (project_id, step_number) do nothing`;
    } else {
      values.push(w.completedAt !== undefined, w.skipReason !== undefined);
      // Absent fields keep their stored value; null clears it.
      const keepOrSet = `completed_at = case when $${values.length - 1}::boolean then $5::timestamptz else s.completed_at end,
        skip_reason = case when $${values.length}::boolean then $6::text else s.skip_reason end`;
      if (w.baseVersion === undefined) {
        statement = `${insert} on conflict (project_id, step_number) do update set data = excluded.data, ${keepOrSet},
          derived_from = excluded.derived_from, version = s.version + 1, updated_at = now()`;
      } else {
        values.push(w.baseVersion);
        statement = `update project_steps s set data = $4::json, ${keepOrSet}, derived_from = ${derived},
            version = s.version + 1, updated_at = now()
          from p where s.project_id = p.id and s.step_number = $3 and s.version = $${values.length}`;
      }
    }
    // The current versions of the step's sources, read once for derived_from and for `stale`. The data
    // is not read back: the json column keeps it exactly as sent, so the caller's object is the row's.
    const text = `${OWNED_PROJECT}, sv as (select ${sourceVersionsOf('$1', w.sources)} as v),
      written as (${statement} returning s.*)${w.stepNumber === SCRIPT_STEP ? SCRIPT_HISTORY : ''}
      select w.id, w.project_id, w.step_number, w.completed_at, w.skip_reason, w.version, w.derived_from,
        w.created_at, w.updated_at, (select v from sv) as source_versions from written w`;
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
    const versions = Object.fromEntries(rows.map((r) => [String(r.stepNumber), r.version]));
    for (const row of rows) {
      const sources = sourcesByStep[row.stepNumber] ?? [];
      row.sourceVersions = Object.fromEntries(sources.filter((n) => versions[n] !== undefined).map((n) => [String(n), versions[n]!]));
    }
    return rows;
  }

  /** One step, for 412 bodies and merges; lock it with forUpdate inside a transaction. */
  async find(projectId: string, stepNumber: number, sources: number[], exec: SqlExecutor = this.database.executeSql, forUpdate = false) {
    const result = await exec(
      `select s.*, ${sourceVersionsOf('s.project_id', sources)} as source_versions
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
      `insert into project_steps (project_id, step_number, data, version) values ($1, $2, '{}'::json, 0)
       on conflict (project_id, step_number) do nothing`,
      [projectId, stepNumber],
    );
    return true;
  }
}
