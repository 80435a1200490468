import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../contracts/jobs.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { WorkerRuntime } from './worker-runtime.ts';

// Two worker processes on one database need PostgreSQL; the embedded database is one process.
describe.runIf(DATABASE_KINDS.includes('postgres'))('a worker killed in the middle of a job (PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('postgres', { jobs: { mode: 'queue' } });
  });
  afterAll(() => t.close());

  it('leaves the job to another worker, which finishes it', async () => {
    const { cookie, user } = await signUp(t.app);
    const projectId = await createProject(t.app, cookie);
    const job = await t.context.jobs.enqueue({ ownerId: user.id, projectId, name: 'render.video', payload: { projectId, aspect: '9:16', quality: 'draft' } });

    const child = spawn(process.execPath, ['--import', 'tsx', 'server/modules/jobs/__fixtures__/crashable-worker.ts'], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl!, DATA_DIR: t.dataDir, SESSION_SECRET: t.context.config.SESSION_SECRET, LOG_LEVEL: 'silent' },
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes(`STARTED ${job.id}`)) resolve();
      });
      child.on('exit', () => reject(new Error(`worker exited early: ${output}`)));
    });
    for (let i = 0; i < 100 && (await t.context.jobs.find(job.id))?.step !== 'encoding'; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const orphaned = await t.context.jobs.find(job.id);
    expect(orphaned).toMatchObject({ state: 'running', attempts: 1, step: 'encoding' });

    const rescuer = new WorkerRuntime(
      t.context.queue,
      t.context.repositories.jobs,
      { 'render.video': async ({ progress }) => (progress(1, 'done'), { rescued: true }) },
      { heartbeatSec: 0.5, abandonedAfterSec: 2 },
    );
    await rescuer.start();
    try {
      let final: Job | null = null;
      for (let i = 0; i < 200 && final?.state !== 'succeeded'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        final = await t.context.jobs.find(job.id);
      }
      expect(final).toMatchObject({ state: 'succeeded', attempts: 2, result: { rescued: true } });
    } finally {
      await rescuer.stop();
    }
  });
});
