import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { openPgliteClient } from './pglite.ts';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface SqlResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

/** `name` prepares the statement on PostgreSQL (parsed and planned once per connection); PGlite ignores it. */
export type SqlExecutor = (text: string, values?: unknown[], options?: { name?: string }) => Promise<SqlResult>;

export interface DatabaseHandle {
  kind: 'pglite' | 'postgres';
  db: Database;
  /** Raw SQL; without values several statements may be sent at once (pg-boss needs that). */
  executeSql: SqlExecutor;
  /**
   * Runs fn inside one transaction on one connection; rolls back when fn throws. Inside fn use only
   * `exec`: on PGlite any other query waits for the transaction to end, which never happens.
   */
  transaction<T>(fn: (exec: SqlExecutor) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  /** Directory of the embedded database; ignored with databaseUrl. Undefined means in memory. */
  pgliteDir?: string;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 20) : await openPglite(options.pgliteDir);
  return handle;
}

function openPostgres(url: string, poolSize: number): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries in flight still see their error.
  });
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return {
    kind: 'postgres',
    db,
    async executeSql(text, values, options) {
      const result = await pool.query(options?.name ? { name: options.name, text, values } : { text, values });
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(async (text, values, options) => {
          const r = await client.query(options?.name ? { name: options.name, text, values } : { text, values });
          return { rows: r.rows, rowCount: r.rowCount ?? 0 };
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}

async function openPglite(dir: string | undefined): Promise<DatabaseHandle> {
  let release = () => {};
  if (dir) {
    mkdirSync(dir, { recursive: true });
    release = acquireDataDirLock(join(dirname(dir), `${dir.split('/').pop()}.lock`), dir);
  }
  let client: PGlite;
  try {
    client = await openPgliteClient(dir);
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    kind: 'pglite',
    db,
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        const last = results[results.length - 1];
        return { rows: (last?.rows ?? []) as Record<string, unknown>[], rowCount: last?.affectedRows ?? 0 };
      }
      const result = await client.query<Record<string, unknown>>(text, values);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    transaction(fn) {
      return client.transaction((tx) =>
        fn(async (text, values) => {
          const r = await tx.query<Record<string, unknown>>(text, values ?? []);
          return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
        }),
      );
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      await client.close();
      release();
    },
  };
}

/** Held while the schema changes (migrations, job queue creation), so processes starting at once take turns. */
const SCHEMA_CHANGE_LOCK = 7261536;

/**
 * Runs fn while holding the schema-change advisory lock on PostgreSQL (a session lock on its own
 * connection, so fn may use any other). PGlite admits one process: fn just runs.
 */
export async function withSchemaChangeLock<T>(databaseUrl: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!databaseUrl) return fn();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(${SCHEMA_CHANGE_LOCK})`);
    return await fn();
  } finally {
    await client.query(`select pg_advisory_unlock(${SCHEMA_CHANGE_LOCK})`).catch(() => {});
    await client.end();
  }
}

/** Applies committed migrations; on PostgreSQL an advisory lock keeps concurrent starts apart. */
export async function migrateDatabase(handle: DatabaseHandle, databaseUrl?: string): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  await withSchemaChangeLock(databaseUrl, async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await migratePg(drizzlePg(client), { migrationsFolder });
    } finally {
      await client.end();
    }
  });
}
