import type { DatabaseHandle } from '../../db/client.ts';

export interface ScriptVersionRow {
  version: number;
  finalScript: Record<string, unknown>;
  createdAt: Date;
}

const asJson = (value: unknown): Record<string, unknown> => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;

/**
 * The stage-3 history: every distinct final script saved for a project, under the step-3 version
 * that saved it (recorded by the step write itself: steps.repository.ts SCRIPT_HISTORY).
 */
export class ScriptVersionsRepository {
  constructor(private readonly database: DatabaseHandle) {}

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
}

function mapVersion(r: Record<string, unknown>): ScriptVersionRow {
  return {
    version: Number(r.version),
    finalScript: asJson(r.final_script),
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)),
  };
}
