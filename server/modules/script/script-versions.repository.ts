import type { DatabaseHandle, SqlExecutor } from '../../db/client.ts';
import type { StepRow } from '../steps/steps.repository.ts';
import type { StepWriteHook } from '../steps/steps.service.ts';

export interface ScriptVersionRow {
  version: number;
  finalScript: Record<string, unknown>;
  createdAt: Date;
}

const asJson = (value: unknown): Record<string, unknown> => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;

/** JSON with object keys sorted, so two equal scripts compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The stage-3 history: every distinct final script saved for a project, numbered from 1. */
export class ScriptVersionsRepository {
  constructor(private readonly database: DatabaseHandle) {}

  /**
   * Records the step's final script when it differs from the latest version. Runs inside the step
   * write's transaction, which holds the step row's lock, so versions of one project never race.
   */
  async recordFromStep(row: StepRow, exec: SqlExecutor): Promise<number | null> {
    const finalScript = row.data.finalScript;
    if (!isObject(finalScript)) return null;
    const latest = await exec('select version, final_script from script_versions where project_id = $1 order by version desc limit 1', [row.projectId]);
    const last = latest.rows[0];
    if (last && canonicalJson(asJson(last.final_script)) === canonicalJson(finalScript)) return null;
    const version = (last ? Number(last.version) : 0) + 1;
    await exec('insert into script_versions (project_id, version, final_script) values ($1, $2, $3::json)', [row.projectId, version, JSON.stringify(finalScript)]);
    return version;
  }

  /** Newest first; null when the project is not the owner's. */
  async list(ownerId: string, projectId: string): Promise<ScriptVersionRow[] | null> {
    const result = await this.database.executeSql(
      `select p.id as owned, v.version, v.final_script, v.created_at from projects p
       left join script_versions v on v.project_id = p.id
       where p.id = $1 and p.owner_id = $2 and p.deleted_at is null
       order by v.version desc`,
      [projectId, ownerId],
    );
    if (result.rows.length === 0) return null;
    return result.rows.filter((r) => r.version != null).map(mapVersion);
  }

  async find(ownerId: string, projectId: string, version: number): Promise<ScriptVersionRow | null> {
    const result = await this.database.executeSql(
      `select v.version, v.final_script, v.created_at from script_versions v
       join projects p on p.id = v.project_id and p.owner_id = $2 and p.deleted_at is null
       where v.project_id = $1 and v.version = $3`,
      [projectId, ownerId, version],
    );
    return result.rows[0] ? mapVersion(result.rows[0]) : null;
  }

  /** The hook the steps service runs after every stage-3 write. */
  stepHook(): StepWriteHook {
    return { stepNumber: 3, afterWrite: async (row, exec) => void (await this.recordFromStep(row, exec)) };
  }
}

function mapVersion(r: Record<string, unknown>): ScriptVersionRow {
  return {
    version: Number(r.version),
    finalScript: asJson(r.final_script),
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)),
  };
}
