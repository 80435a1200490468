import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Clock, systemClock } from '../adapters/clock.ts';
import { createAppContext, type AppContext } from '../app-context.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { JobHandlers } from '../modules/jobs/job-handlers.ts';
import { type WorkerOptions, WorkerRuntime } from '../modules/jobs/worker-runtime.ts';
import { createJobHandlers } from '../worker-handlers.ts';
import { createTestDatabase, type DatabaseKind } from './databases.ts';

export interface TestApp {
  app: FastifyInstance;
  context: AppContext;
  dataDir: string;
  /** Set when the database is a throwaway PostgreSQL database (for tests that start other processes). */
  databaseUrl?: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: Clock;
  env?: Record<string, string>;
  /** Start the job queue ('queue') and also a worker with these handlers ('worker'). */
  jobs?: { mode: 'queue' } | { mode: 'worker'; handlers?: JobHandlers; workerOptions?: WorkerOptions };
}

/** The secret every process of one test shares, as an operator sets one SESSION_SECRET for all processes. */
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdef0123456789';

export async function createTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rf-test-'));
  const database = await createTestDatabase(kind);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: database.url ?? '', SESSION_SECRET: TEST_SESSION_SECRET, ...options.env });
  const context = createAppContext(config, database.handle, options.clock ?? systemClock);
  const app = await buildApp(context, { logger: false, serveWeb: false });
  await app.ready();
  let worker: WorkerRuntime | null = null;
  if (options.jobs) await context.queue.start();
  if (options.jobs?.mode === 'worker') {
    worker = new WorkerRuntime(context.queue, context.repositories.jobs, options.jobs.handlers ?? createJobHandlers(context), options.jobs.workerOptions);
    await worker.start();
  }
  return {
    app,
    context,
    dataDir,
    databaseUrl: database.url,
    async close() {
      await app.close();
      await worker?.stop();
      if (options.jobs) await context.queue.stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let userCounter = 0;

/** Registers a new user, signs in, and returns the cookie header that signs requests in as them. */
export async function signUp(app: FastifyInstance, email = `user${++userCounter}-${Date.now()}@example.com`) {
  const credentials = { email, password: 'correct horse battery' };
  const registered = await app.inject({ method: 'POST', url: '/api/auth/register', payload: credentials });
  if (registered.statusCode !== 202 && registered.statusCode !== 201) throw new Error(`register failed: ${registered.body}`);
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials });
  if (response.statusCode !== 200) throw new Error(`sign-in after registering failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'rf_session');
  return { cookie: `rf_session=${cookie!.value}`, user: response.json() as { id: string; email: string } };
}

export async function createProject(app: FastifyInstance, cookie: string, title = 'Test project'): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/projects', headers: { cookie }, payload: { title } });
  if (response.statusCode !== 201) throw new Error(`create project failed: ${response.body}`);
  return (response.json() as { id: string }).id;
}
