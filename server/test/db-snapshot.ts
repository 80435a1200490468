import type { DatabaseHandle } from '../db/client.ts';

/**
 * Columns that change on a request by design, not because the request stored something: a
 * token's last use. Failed sign-ins are recorded on purpose (throttling), so their table is left
 * out too.
 */
const VOLATILE_COLUMNS: Record<string, string[]> = {
  api_tokens: ['last_used_at'],
};
const IGNORED_TABLES = new Set(['login_throttle', '__drizzle_migrations']);

/** Every row of every application table (public schema; not the queue's), as one comparable string. */
export async function snapshotDatabase(database: DatabaseHandle): Promise<string> {
  const tables = await database.executeSql(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    [],
  );
  const parts: string[] = [];
  for (const { table_name: table } of tables.rows as { table_name: string }[]) {
    if (IGNORED_TABLES.has(table)) continue;
    const result = await database.executeSql(`select row_to_json(t)::text as row from "${table}" t`, []);
    const rows = result.rows.map((r) => {
      const row = JSON.parse(String(r.row)) as Record<string, unknown>;
      for (const column of VOLATILE_COLUMNS[table] ?? []) delete row[column];
      return JSON.stringify(row);
    });
    parts.push(`${table}: ${rows.sort().join('\n')}`);
  }
  return parts.join('\n\n');
}
