import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppContext, createAppContext } from '../../server/app-context.ts';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { migrateDatabase, openDatabase } from '../../server/db/client.ts';
import { DataDirLockedError } from '../../server/db/data-dir-lock.ts';
import type { AuthContext } from '../../server/http/router.ts';
import { CliError, EXIT } from '../cli-error.ts';

const CLI_EMAIL = 'cli@reelforge.local';

export interface LocalContext {
  context: AppContext;
  /** The one author of a CLI data directory. */
  user: AuthContext;
  dataDir: string;
  close(): Promise<void>;
}

/** The one author of a CLI data directory; it cannot sign in (its password hash matches no password). */
async function cliUser(context: AppContext): Promise<AuthContext> {
  const existing = await context.repositories.auth.findUserByEmail(CLI_EMAIL);
  const user = existing ?? (await context.repositories.auth.createUser({ email: CLI_EMAIL, name: 'reelforge CLI', passwordHash: `!${randomBytes(8).toString('hex')}` }));
  if (!user) throw new CliError('could not create the CLI user');
  return { userId: user.id, via: 'token' };
}

/**
 * The server's app context in this process on a data directory of its own: a temporary one, with
 * the database in memory, unless `dataDir` is given (then the embedded database lives there and
 * projects are kept). The embedded worker is off: the caller runs jobs its own way.
 */
export async function openLocalContext(options: { dataDir?: string }): Promise<LocalContext> {
  const temporary = !options.dataDir;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'reelforge-cli-')));
  let context: AppContext;
  try {
    const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', EMBEDDED_WORKER: 'false' });
    const database = await openDatabase({ pgliteDir: temporary ? undefined : join(config.DATA_DIR, 'db') });
    await migrateDatabase(database);
    context = createAppContext(config, database);
  } catch (error) {
    if (temporary) await rm(dataDir, { recursive: true, force: true });
    if (error instanceof ConfigError || error instanceof DataDirLockedError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
  return {
    context,
    user: await cliUser(context),
    dataDir,
    async close() {
      await context.database.close();
      if (temporary) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
