import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { JobName, JobPayload } from '../contracts/jobs.ts';
import { JOB_PAYLOAD_SCHEMAS } from '../contracts/jobs.ts';
import { createAppContext, type AppContext } from '../server/app-context.ts';
import { loadConfig } from '../server/config.ts';
import { migrateDatabase, openDatabase } from '../server/db/client.ts';
import type { AuthContext } from '../server/http/router.ts';
import type { JobHandler } from '../server/modules/jobs/job-handlers.ts';
import { createJobHandlers } from '../server/worker-handlers.ts';
import { BENCH_SESSION_SECRET } from './lib.ts';

export type Scene = { id: string; text: string };

/** An app context like the server's: the embedded database in `dataDir` (as `npm start` runs), or the PostgreSQL at `databaseUrl`. */
export async function openContext(dataDir: string, databaseUrl?: string): Promise<AppContext> {
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', SESSION_SECRET: BENCH_SESSION_SECRET, LOG_LEVEL: 'silent', EMBEDDED_WORKER: 'false' });
  const database = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 5 } : { pgliteDir: join(dataDir, 'db') });
  await migrateDatabase(database, databaseUrl);
  return createAppContext(config, database);
}

export async function benchUser(context: AppContext): Promise<AuthContext> {
  const user = await context.repositories.auth.createUser({ email: `bench-${randomUUID()}@example.com`, name: null, passwordHash: '!' });
  return { userId: user!.id, via: 'token' };
}

/** A project with a finished script (step 3) copied into stage 4, as the voice screen leaves it. */
export async function projectWithScript(context: AppContext, user: AuthContext, scenes: Scene[], title = 'Benchmark', voice?: Record<string, unknown>): Promise<string> {
  const project = await context.projects.create(user, title);
  await context.steps.upsert(user, project.id, { stepNumber: 1, data: { language: 'en', sourceType: 'idea', idea: 'benchmark' } });
  const step3 = await context.steps.upsert(user, project.id, { stepNumber: 3, data: { finalScript: { scenes } } });
  await context.steps.merge(user, project.id, 4, { data: { script: { scenes, sourceVersion: step3.version }, ...(voice ? { voice } : {}) }, derivedFrom: { '3': step3.version } });
  return project.id;
}

/** Runs a job's real handler in this process, as a worker would. */
export async function runHandler<N extends JobName>(
  context: AppContext,
  user: AuthContext,
  name: N,
  payload: JobPayload<N>,
  onProgress: (fraction: number, step: string | undefined) => void = () => {},
): Promise<unknown> {
  const handler = createJobHandlers(context)[name] as JobHandler<N>;
  return handler({
    jobId: randomUUID(),
    ownerId: user.userId,
    projectId: (payload as { projectId?: string }).projectId ?? null,
    payload: JOB_PAYLOAD_SCHEMAS[name].parse(payload) as JobPayload<N>,
    signal: new AbortController().signal,
    progress: onProgress,
  });
}
