import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../contracts/jobs.ts';
import { runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { type JobHandlers, PermanentJobError } from './job-handlers.ts';

const attemptsByProject = new Map<string, number>();

/** Test handlers on real job names: they exercise the runtime, not the product features. */
const handlers: JobHandlers = {
  'script.generate': async ({ payload, progress }) => {
    const attempt = (attemptsByProject.get(payload.projectId) ?? 0) + 1;
    attemptsByProject.set(payload.projectId, attempt);
    if (payload.sceneId === 'flaky' && attempt === 1) throw new Error('upstream timed out');
    if (payload.sceneId === 'broken') throw new PermanentJobError('the script has no scene "x"', 'SCRIPT_SCENE_MISSING', { scene: 'x' });
    progress(0.5, 'halfway');
    return { attempt, sceneId: payload.sceneId ?? null };
  },
  'render.video': async ({ signal, progress }) => {
    progress(0.1, 'encoding');
    await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=30', '-t', '600', '-f', 'null', '-'], { signal });
    return { finished: true };
  },
};

async function waitFor(t: TestApp, cookie: string, id: string, done: (job: Job) => boolean): Promise<Job> {
  for (let i = 0; i < 300; i++) {
    const job = (await t.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: { cookie } })).json() as Job;
    if (done(job)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not reach the expected state`);
}

describe.each(DATABASE_KINDS)('durable jobs on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { jobs: { mode: 'worker', handlers, workerOptions: { heartbeatSec: 0.3 } } });
    const user = await signUp(t.app);
    cookie = user.cookie;
    userId = user.user.id;
  });
  afterAll(() => t.close());

  const enqueue = (projectId: string, sceneId?: string, dedupeKey?: string) =>
    t.context.jobs.enqueue({ ownerId: userId, projectId, name: 'script.generate', payload: { projectId, sceneId }, dedupeKey });

  it('runs a job to success with progress and a result, visible to its owner only', async () => {
    const projectId = await createProject(t.app, cookie);
    const job = await enqueue(projectId, 's1');
    expect(job.state).toBe('queued');
    const done = await waitFor(t, cookie, job.id, (j) => j.state === 'succeeded');
    expect(done).toMatchObject({ progress: 1, attempts: 1, result: { attempt: 1, sceneId: 's1' }, error: null });
    const listed = (await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/jobs`, headers: { cookie } })).json();
    expect(listed.map((j: Job) => j.id)).toContain(job.id);
    const stranger = await signUp(t.app);
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${job.id}`, headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
  });

  it('deduplicates a double submission while the first is queued', async () => {
    const projectId = await createProject(t.app, cookie);
    const [a, b] = await Promise.all([enqueue(projectId, 'x', `gen:${projectId}`), enqueue(projectId, 'x', `gen:${projectId}`)]);
    expect(a.id).toBe(b.id);
    await waitFor(t, cookie, a.id, (j) => j.state === 'succeeded');
    const again = await enqueue(projectId, 'x', `gen:${projectId}`);
    expect(again.id).not.toBe(a.id);
  });

  it('retries a transient failure and records a permanent one without retrying', async () => {
    const flakyProject = await createProject(t.app, cookie);
    const flaky = await enqueue(flakyProject, 'flaky');
    const recovered = await waitFor(t, cookie, flaky.id, (j) => j.state === 'succeeded');
    expect(recovered).toMatchObject({ attempts: 2, result: { attempt: 2 } });

    const brokenProject = await createProject(t.app, cookie);
    const broken = await enqueue(brokenProject, 'broken');
    const failed = await waitFor(t, cookie, broken.id, (j) => j.state === 'failed');
    // The English sentence for API users, and the code and values a screen words in its language.
    expect(failed).toMatchObject({ attempts: 1, error: 'the script has no scene "x"', errorCode: 'SCRIPT_SCENE_MISSING', errorParams: { scene: 'x' } });
    expect(recovered).toMatchObject({ errorCode: null, errorParams: null });
  });

  it('cancels a running job: ffmpeg stops and the job says cancelled', async () => {
    const projectId = await createProject(t.app, cookie);
    const job = await t.context.jobs.enqueue({ ownerId: userId, projectId, name: 'render.video', payload: { projectId, aspect: '9:16', quality: 'draft' } });
    await waitFor(t, cookie, job.id, (j) => j.state === 'running' && j.step === 'encoding');
    const cancelled = await t.app.inject({ method: 'POST', url: `/api/jobs/${job.id}/cancel`, headers: { cookie } });
    expect(cancelled.json().state).toBe('cancelled');
    const again = await t.app.inject({ method: 'POST', url: `/api/jobs/${job.id}/cancel`, headers: { cookie } });
    expect(again.statusCode).toBe(409);
    await new Promise((r) => setTimeout(r, 1500));
    const final = (await t.app.inject({ method: 'GET', url: `/api/jobs/${job.id}`, headers: { cookie } })).json();
    expect(final).toMatchObject({ state: 'cancelled', result: null });
    const { execFileSync } = await import('node:child_process');
    const processes = execFileSync('ps', ['-eo', 'args']).toString();
    expect(processes).not.toContain('testsrc=size=640x360');
  });

  it('streams job changes as server-sent events until the job ends', async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const projectId = await createProject(t.app, cookie);
    const job = await enqueue(projectId, 'sse');
    const response = await fetch(`${base}/api/jobs/${job.id}/events`, { headers: { cookie } });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text();
    const events = text
      .split('\n\n')
      .filter((block) => block.startsWith('event: job'))
      .map((block) => JSON.parse(block.split('data: ')[1]!) as Job);
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.at(-1)!.state).toBe('succeeded');
  });
});
