import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../contracts/jobs.ts';
import type { RenderState } from '../../../contracts/render-api.ts';
import type { Step } from '../../../contracts/steps.ts';
import { probeMedia } from '../../adapters/ffmpeg/probe.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { LONG_SCENES, renderApi } from './testing/render-api.ts';
import { freePort, httpClient, startServerProcess, type ServerProcess } from './testing/server-process.ts';
import { ffmpegProcessesIn } from './testing/processes.ts';
import { watchForVideos } from './testing/watch-media.ts';

// About 25 s of video at the draft preset: several seconds of encoding to interrupt.
const SCENES = LONG_SCENES.slice(0, 3);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

const inTheMiddle = (job: Job | null) => job?.step === 'encoding' && job.progress > 0.3;

function killAndWait(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe.runIf(DATABASE_KINDS.includes('postgres'))('a render worker process killed with -9 in the middle of a render (PostgreSQL)', () => {
  let t: TestApp;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    t = await createTestApp('postgres', { jobs: { mode: 'queue' } });
  });
  afterAll(async () => {
    for (const child of children) await killAndWait(child);
    await t.close();
  });

  const worker = (script: string, env: Record<string, string> = {}) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl!, DATA_DIR: t.dataDir, SESSION_SECRET: t.context.config.SESSION_SECRET, LOG_LEVEL: 'silent', ...env },
      stdio: 'ignore',
    });
    children.push(child);
    return child;
  };

  it('leaves the job to the next worker, which completes it; no partial MP4 is ever visible', async () => {
    const { cookie, user } = await signUp(t.app);
    const api = renderApi(t.app, cookie);
    const projectId = await api.silentProject(SCENES);
    const watch = watchForVideos(join(t.dataDir, 'media'));
    const started = await api.start(projectId, { quality: 'draft' });
    expect(started.status).toBe(202);
    const jobId = started.body.id as string;

    const first = worker('server/worker.ts');
    await waitFor(() => t.context.jobs.find(jobId), inTheMiddle, 'the first worker to be encoding');
    await killAndWait(first);
    // kill -9 leaves the worker's ffmpeg running; the worker that retries the job stops it.
    const workDir = join(t.dataDir, 'tmp', `render-${jobId}`);
    expect(ffmpegProcessesIn(workDir)).toBe(1);
    expect(await t.context.jobs.find(jobId)).toMatchObject({ state: 'running', attempts: 1, step: 'encoding' });

    worker('server/modules/render/testing/render-worker.ts', { ABANDONED_AFTER_SEC: '2' });
    const final = await waitFor(() => t.context.jobs.find(jobId), (job) => ['succeeded', 'failed', 'cancelled'].includes(job?.state ?? ''), 'the job to end');
    expect(final).toMatchObject({ state: 'succeeded', attempts: 2 });
    expect(ffmpegProcessesIn(workDir)).toBe(0);

    const seen = await watch.stop();
    const state = (await api.call('GET', `/api/projects/${projectId}/render`)).body as unknown as RenderState;
    const video = (await t.context.assets.fileOf(user.id, state.outputs!.video.id)).path;
    expect(seen.map((v) => v.path)).toEqual([video]);
    expect(seen[0]!.complete).toBe(true);
    expect(Math.abs(seen[0]!.durationSec - state.outputs!.durationSec)).toBeLessThan(0.2);
  });
});

describe('the whole server process killed with -9 in the middle of a render (embedded PGlite)', () => {
  let dataDir = '';
  let server: ServerProcess | null = null;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rf-crash-'));
  });
  afterEach(async () => {
    if (server) await killAndWait(server.child);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finishes the render after a restart on the same DATA_DIR; no partial MP4 is ever visible', async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    server = await startServerProcess(env, port);
    const api = httpClient(server.url);
    await api.signUp();
    const project = await api.call('POST', '/api/projects', { title: 'Crash' });
    const projectId = project.body.id as string;
    await api.call('POST', `/api/projects/${projectId}/steps`, { stepNumber: 1, data: { language: 'en', sourceType: 'idea', idea: 'x' } });
    const step3 = (await api.call('POST', `/api/projects/${projectId}/steps`, { stepNumber: 3, data: { finalScript: { scenes: SCENES } } })).body as unknown as Step;
    await api.call('PATCH', `/api/projects/${projectId}/steps/4`, { data: { script: { scenes: SCENES, sourceVersion: step3.version } }, derivedFrom: { '3': step3.version } });
    for (const stage of [1, 2, 3]) {
      await api.call('PATCH', `/api/projects/${projectId}/steps/${stage}`, { completedAt: new Date().toISOString() });
      await api.call('PATCH', `/api/projects/${projectId}/stage`, { stage: stage + 1 });
    }
    expect((await api.call('POST', `/api/projects/${projectId}/steps/4/skip`, { reason: 'silent' })).status).toBe(200);

    const watch = watchForVideos(join(dataDir, 'media'));
    const started = await api.call('POST', `/api/projects/${projectId}/render`, { quality: 'draft' });
    expect(started.status).toBe(202);
    const jobId = started.body.id as string;
    const job = async () => (await api.call('GET', `/api/jobs/${jobId}`)).body as unknown as Job;
    await waitFor(job, inTheMiddle, 'the render to be encoding');
    await killAndWait(server.child);
    const workDir = join(dataDir, 'tmp', `render-${jobId}`);
    expect(ffmpegProcessesIn(workDir)).toBe(1);

    server = await startServerProcess(env, port);
    const final = await waitFor(job, (j) => ['succeeded', 'failed', 'cancelled'].includes(j.state), 'the job to end');
    expect(final).toMatchObject({ state: 'succeeded', attempts: 2 });
    expect(ffmpegProcessesIn(workDir)).toBe(0);
    expect(existsSync(workDir)).toBe(false);

    const seen = await watch.stop();
    const state = (await api.call('GET', `/api/projects/${projectId}/render`)).body as unknown as RenderState;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ complete: true });
    expect(seen[0]!.path).toContain(`/projects/${projectId}/render/`);
    const info = await probeMedia(seen[0]!.path);
    expect(Math.abs(info.durationSec - state.outputs!.durationSec)).toBeLessThan(0.2);
  });
});
