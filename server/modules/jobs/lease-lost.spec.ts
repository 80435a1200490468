import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { ffmpegProcessesIn } from '../render/testing/processes.ts';
import type { JobsRepository } from './jobs.repository.ts';
import { WorkerRuntime } from './worker-runtime.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe.each(DATABASE_KINDS)('a worker that loses the lease on its job, on %s', (kind) => {
  // One app per test: a stopped WorkerRuntime's queue subscription would otherwise take the next test's job.
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind, { jobs: { mode: 'queue' } });
  });
  afterEach(() => t.close());

  /** Starts a worker whose render handler runs an endless ffmpeg writing into its own directory. */
  async function startRenderingWorker(jobs: JobsRepository) {
    const workDir = mkdtempSync(join(tmpdir(), 'rf-lease-'));
    const worker = new WorkerRuntime(
      t.context.queue,
      jobs,
      {
        'render.video': async ({ signal, progress }) => {
          progress(0.1, 'encoding');
          await runFfmpeg(['-f', 'lavfi', '-re', '-i', 'testsrc=size=64x64:rate=5', '-f', 'null', join(workDir, 'out')], { signal });
        },
      },
      { heartbeatSec: 0.2, abandonedAfterSec: 1.5 },
    );
    await worker.start();
    const { cookie, user } = await signUp(t.app);
    const projectId = await createProject(t.app, cookie);
    const job = await t.context.jobs.enqueue({ ownerId: user.id, projectId, name: 'render.video', payload: { projectId, aspect: '9:16', quality: 'draft' } });
    await waitUntil(() => ffmpegProcessesIn(workDir) === 1, 'ffmpeg to start');
    return { worker, workDir, jobId: job.id };
  }

  it('kills its ffmpeg when another worker has taken the job back', async () => {
    const { worker, workDir, jobId } = await startRenderingWorker(t.context.repositories.jobs);
    try {
      // What another worker's reaper does with a job it believes abandoned, then claims it itself.
      await t.context.repositories.jobs.requeue(jobId, 'taken back');
      const claimed = await t.context.repositories.jobs.markRunning(jobId);
      expect(claimed).toMatchObject({ state: 'running', attempts: 2 });
      await waitUntil(() => ffmpegProcessesIn(workDir) === 0, 'the orphaned ffmpeg to be killed');
      await sleep(500);
      // The stopped run wrote nothing over the attempt that now owns the row.
      expect(await t.context.jobs.find(jobId)).toMatchObject({ state: 'running', attempts: 2 });
    } finally {
      await worker.stop();
    }
  }, 180_000);

  it('kills its ffmpeg when it cannot report to the database for as long as others wait', async () => {
    const jobs = t.context.repositories.jobs;
    const cut = Object.create(jobs) as JobsRepository;
    let networkCut = false;
    cut.reportProgress = (...args) => (networkCut ? Promise.reject(new Error('connection refused')) : jobs.reportProgress(...args));
    const { worker, workDir } = await startRenderingWorker(cut);
    try {
      networkCut = true;
      await waitUntil(() => ffmpegProcessesIn(workDir) === 0, 'ffmpeg to be killed after the lease ran out');
    } finally {
      await worker.stop();
    }
  }, 180_000);
});
