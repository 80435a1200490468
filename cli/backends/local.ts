import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { JOB_PAYLOAD_SCHEMAS, type Job, type JobName, type JobPayload } from '../../contracts/jobs.ts';
import { applySourceBodySchema, importSourceBodySchema } from '../../contracts/sources.ts';
import type { AppContext } from '../../server/app-context.ts';
import { createAppContext } from '../../server/app-context.ts';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { migrateDatabase, openDatabase } from '../../server/db/client.ts';
import { DataDirLockedError } from '../../server/db/data-dir-lock.ts';
import { AppError } from '../../server/http/errors.ts';
import type { AuthContext } from '../../server/http/router.ts';
import type { JobHandler } from '../../server/modules/jobs/job-handlers.ts';
import { createJobHandlers } from '../../server/worker-handlers.ts';
import type { Backend, JobProgress } from '../backend.ts';
import { CliError, EXIT } from '../cli-error.ts';

const CLI_EMAIL = 'cli@reelforge.local';

/** The one author of a CLI data directory; it cannot sign in (its password hash matches no password). */
async function cliUser(context: AppContext): Promise<AuthContext> {
  const existing = await context.repositories.auth.findUserByEmail(CLI_EMAIL);
  const user = existing ?? (await context.repositories.auth.createUser({ email: CLI_EMAIL, name: 'reelforge CLI', passwordHash: `!${randomBytes(8).toString('hex')}` }));
  if (!user) throw new CliError('could not create the CLI user');
  return { userId: user.id, via: 'token' };
}

function explain(error: unknown): unknown {
  if (error instanceof CliError) return error;
  if (error instanceof AppError) return new CliError(error.message, EXIT.failed, error.details);
  if (error instanceof Error && error.name === 'AbortError') return new CliError('interrupted', EXIT.interrupted);
  return error;
}

/**
 * The pipeline in this process: the server's app context (same services, same job handlers) on
 * a data directory of its own; a temporary one, with the database in memory, unless `dataDir`
 * is given (then the embedded database lives there and projects are kept).
 */
export async function openLocalBackend(options: { dataDir?: string; signal: AbortSignal }): Promise<Backend & { dataDir: string }> {
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
  const handlers = createJobHandlers(context);
  const user = await cliUser(context);
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw explain(error);
    }
  };

  async function runJob<N extends JobName>(name: N, projectId: string, payload: JobPayload<N>, onProgress: JobProgress): Promise<Job> {
    const handler = handlers[name] as JobHandler<N> | undefined;
    if (!handler) throw new CliError(`no handler for ${name}`);
    const id = randomUUID();
    const started = new Date().toISOString();
    try {
      const result = await handler({
        jobId: id,
        ownerId: user.userId,
        projectId,
        payload: JOB_PAYLOAD_SCHEMAS[name].parse(payload) as JobPayload<N>,
        signal: options.signal,
        progress: (fraction, step) => onProgress(fraction, step ?? null),
      });
      const finished = new Date().toISOString();
      return { id, name, projectId, state: 'succeeded', progress: 1, step: null, error: null, result, attempts: 1, createdAt: started, startedAt: started, finishedAt: finished, updatedAt: finished };
    } catch (error) {
      if (options.signal.aborted) throw new CliError('interrupted', EXIT.interrupted);
      throw new CliError(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const { textPipeline, steps, projects, render, voice, assets, jobs, storyboard } = context;
  return {
    dataDir,
    importSource: (body) => call(() => textPipeline.sources.import(importSourceBodySchema.parse(body))),
    analyse: (input) => call(() => textPipeline.analysis.analyse(user.userId, input)),
    createProject: (title) => call(() => projects.create(user, title)),
    listProjects: () => call(() => projects.list(user, {})),
    applySource: (projectId, body) => call(async () => void (await textPipeline.projectSource.apply(user, projectId, applySourceBodySchema.parse(body)))),
    importArticlePictures: (projectId) => call(() => storyboard.importArticlePictures(user, projectId)),
    fillWithStock: (projectId) => call(() => storyboard.fillWithStock(user, projectId)),
    steps: (projectId) => call(() => steps.list(user, projectId)),
    mergeStep: (projectId, stepNumber, patch) => call(() => steps.merge(user, projectId, stepNumber, patch)),
    skipStep: (projectId, stepNumber, reason) => call(async () => void (await steps.skip(user, projectId, stepNumber, reason))),
    changeStage: (projectId, stage) => call(async () => void (await projects.changeStage(user, projectId, stage))),
    saveFinalScript: (projectId, body) => call(async () => void (await textPipeline.script.saveFinal(user, projectId, body))),
    voices: (language) => call(() => voice.catalog(user, language)),
    generateScript: async (projectId, onProgress) => void (await runJob('script.generate', projectId, { projectId }, onProgress)),
    narrate: async (projectId, onProgress) => void (await runJob('voice.narrate', projectId, { projectId }, onProgress)),
    render: (projectId, body, onProgress) =>
      call(async () => {
        // The same check the API makes before queuing: a plan that cannot render names its fields.
        await render.assertRenderable(user, projectId, body ?? {});
        return runJob('render.video', projectId, { projectId, aspect: body?.aspect ?? '9:16', quality: body?.quality ?? 'standard' }, onProgress);
      }),
    renderState: (projectId) => call(() => render.state(user, projectId)),
    job: (jobId) => call(() => jobs.get(user, jobId)),
    uploadMusic: (projectId, path) => call(() => assets.upload(user, projectId, 'music', createReadStream(path), basename(path))),
    download: (asset, path) => call(async () => copyFile((await assets.fileOf(user.userId, asset.id)).path, path)),
    async close() {
      await context.database.close();
      if (temporary) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
