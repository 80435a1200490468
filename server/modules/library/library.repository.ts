import type { DatabaseHandle } from '../../db/client.ts';

export interface LibraryVersionRow {
  version: number;
  script: Record<string, unknown>;
  source: Record<string, unknown>;
  createdAt: Date;
}

export interface LibraryEntryRow {
  id: string;
  title: string;
  tags: string[];
  projectId: string | null;
  latestVersion: number;
  createdAt: Date;
  updatedAt: Date;
  latest: LibraryVersionRow;
}

export interface NewVersion {
  script: Record<string, unknown>;
  /** The scenes' texts in one string (searched). */
  text: string;
  source: Record<string, unknown>;
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
const date = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const ENTRY_COLUMNS = `e.id, e.title, e.tags, e.project_id, e.latest_version, e.created_at, e.updated_at,
  v.version as v_version, v.script as v_script, v.source as v_source, v.created_at as v_created_at`;
const WITH_LATEST = `from library_scripts e join library_script_versions v on v.entry_id = e.id and v.version = e.latest_version`;

function mapVersion(r: Record<string, unknown>, prefix = ''): LibraryVersionRow {
  return { version: Number(r[`${prefix}version`]), script: json(r[`${prefix}script`]), source: json(r[`${prefix}source`]), createdAt: date(r[`${prefix}created_at`]) };
}

function mapEntry(r: Record<string, unknown>): LibraryEntryRow {
  return {
    id: String(r.id),
    title: String(r.title),
    tags: json(r.tags) as string[],
    projectId: (r.project_id as string | null) ?? null,
    latestVersion: Number(r.latest_version),
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
    latest: mapVersion(r, 'v_'),
  };
}

/**
 * The scripts library. A version is written by the same statement that raises the entry's
 * latest_version, so concurrent saves queue on the entry's row and each gets its own number.
 */
export class LibraryRepository {
  constructor(private readonly database: DatabaseHandle) {}

  /**
   * A new entry with version 1; with a project, the project's entry gets a new version instead
   * (its title and tags change only when given).
   */
  async save(ownerId: string, entry: { projectId: string | null; title: string; titleGiven: boolean; tags: string[] | null }, version: NewVersion): Promise<string> {
    const result = await this.database.executeSql(
      `with entry as (
         insert into library_scripts (owner_id, project_id, title, tags) values ($1, $2, $3, coalesce($4::json, '[]'::json))
         on conflict (owner_id, project_id) do update set
           latest_version = library_scripts.latest_version + 1,
           updated_at = now(),
           title = case when $5::boolean then excluded.title else library_scripts.title end,
           tags = case when $4::json is null then library_scripts.tags else excluded.tags end
         returning id, latest_version
       )
       insert into library_script_versions (entry_id, version, script, text, source)
       select id, latest_version, $6::json, $7, $8::json from entry
       returning entry_id`,
      [ownerId, entry.projectId, entry.title, entry.tags ? JSON.stringify(entry.tags) : null, entry.titleGiven, JSON.stringify(version.script), version.text, JSON.stringify(version.source)],
    );
    return String(result.rows[0]!.entry_id);
  }

  /** The next version of the owner's entry; null when there is no such entry. */
  async addVersion(ownerId: string, entryId: string, title: string | null, version: NewVersion): Promise<number | null> {
    const result = await this.database.executeSql(
      `with entry as (
         update library_scripts set latest_version = latest_version + 1, updated_at = now(), title = coalesce($3, title)
         where id = $1 and owner_id = $2
         returning id, latest_version
       )
       insert into library_script_versions (entry_id, version, script, text, source)
       select id, latest_version, $4::json, $5, $6::json from entry
       returning version`,
      [entryId, ownerId, title, JSON.stringify(version.script), version.text, JSON.stringify(version.source)],
    );
    return result.rows[0] ? Number(result.rows[0].version) : null;
  }

  async list(ownerId: string, filter: { q?: string; tag?: string; limit: number }): Promise<LibraryEntryRow[]> {
    const pattern = filter.q ? `%${escapeLike(filter.q)}%` : null;
    const result = await this.database.executeSql(
      `select ${ENTRY_COLUMNS} ${WITH_LATEST}
       where e.owner_id = $1
         and ($2::text is null or e.title ilike $2 or v.text ilike $2)
         and ($3::text is null or e.tags::jsonb ? $3)
       order by e.updated_at desc, e.id limit $4`,
      [ownerId, pattern, filter.tag ?? null, filter.limit],
    );
    return result.rows.map(mapEntry);
  }

  async find(ownerId: string, entryId: string): Promise<LibraryEntryRow | null> {
    const result = await this.database.executeSql(`select ${ENTRY_COLUMNS} ${WITH_LATEST} where e.id = $1 and e.owner_id = $2`, [entryId, ownerId]);
    return result.rows[0] ? mapEntry(result.rows[0]) : null;
  }

  /** The entry a project's script was saved to, if any. */
  async findByProject(ownerId: string, projectId: string): Promise<LibraryEntryRow | null> {
    const result = await this.database.executeSql(`select ${ENTRY_COLUMNS} ${WITH_LATEST} where e.project_id = $1 and e.owner_id = $2`, [projectId, ownerId]);
    return result.rows[0] ? mapEntry(result.rows[0]) : null;
  }

  /** Newest first. */
  async versions(entryId: string): Promise<LibraryVersionRow[]> {
    const result = await this.database.executeSql(
      `select version, script, source, created_at from library_script_versions where entry_id = $1 order by version desc`,
      [entryId],
    );
    return result.rows.map((r) => mapVersion(r));
  }

  async version(ownerId: string, entryId: string, version: number): Promise<LibraryVersionRow | null> {
    const result = await this.database.executeSql(
      `select v.version, v.script, v.source, v.created_at from library_script_versions v
       join library_scripts e on e.id = v.entry_id and e.owner_id = $2
       where v.entry_id = $1 and v.version = $3`,
      [entryId, ownerId, version],
    );
    return result.rows[0] ? mapVersion(result.rows[0]) : null;
  }

  async update(ownerId: string, entryId: string, changes: { title?: string; tags?: string[] }): Promise<boolean> {
    const result = await this.database.executeSql(
      `update library_scripts set title = coalesce($3, title), tags = coalesce($4::json, tags), updated_at = now()
       where id = $1 and owner_id = $2 returning id`,
      [entryId, ownerId, changes.title ?? null, changes.tags ? JSON.stringify(changes.tags) : null],
    );
    return result.rows.length > 0;
  }

  async remove(ownerId: string, entryId: string): Promise<boolean> {
    const result = await this.database.executeSql(`delete from library_scripts where id = $1 and owner_id = $2 returning id`, [entryId, ownerId]);
    return result.rows.length > 0;
  }
}
