import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../contracts/jobs.ts';
import type { Project } from '../contracts/projects.ts';
import { probeMedia } from '../server/adapters/ffmpeg/probe.ts';
import { createTestApp, signUp, type TestApp } from '../server/test/harness.ts';
import { runCliProcess } from './testing/run-cli.ts';
import { ENGLISH_ARTICLE } from './testing/texts.ts';

const HTML = `<!doctype html><html><head><title>Seawater heat</title></head><body><article><h1>Copenhagen heats homes with the sea</h1>${ENGLISH_ARTICLE.split('\n\n')
  .slice(1)
  .map((p) => `<p>${p}</p>`)
  .join('')}</article></body></html>`;

describe('reelforge against a running server (--server, --token)', () => {
  let t: TestApp;
  let url = '';
  let token = '';
  let cookie = '';
  let dir = '';
  let projectId = '';

  beforeAll(async () => {
    t = await createTestApp('pglite', { jobs: { mode: 'worker', workerOptions: { heartbeatSec: 0.5 } } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    cookie = (await signUp(t.app)).cookie;
    token = (await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie }, payload: { name: 'cli' } })).json().token as string;
    dir = await mkdtemp(join(tmpdir(), 'rf-cli-server-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const server = () => ['--server', url, '--token', token];

  it('exits 4 when the server refuses the token', async () => {
    const run = await runCliProcess(['projects', '--server', url, '--token', 'rf_not-a-real-token']);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`the server at ${url} refused the token (401): check --token`);
  });

  it('makes the video through the API from HTML on standard input, with the server doing the work', async () => {
    const output = join(dir, 'remote.mp4');
    const run = await runCliProcess(['make', '-', '-o', output, '--format', 'news', '--duration', '8', '--json', ...server()], { stdin: HTML });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { projectId: string; durationSec: number; mode: string; srt: string };
    expect(result.mode).toBe('server');
    projectId = result.projectId;
    const info = await probeMedia(output);
    expect(info.streams.map((s) => s.codecType).sort()).toEqual(['audio', 'video']);
    expect(Math.abs(info.durationSec - result.durationSec)).toBeLessThan(0.2);
    expect(await readFile(result.srt, 'utf8')).toMatch(/^1\n00:00:0/);

    const projects = (await t.app.inject({ method: 'GET', url: '/api/projects', headers: { cookie } })).json() as Project[];
    expect(projects.find((p) => p.id === projectId)).toMatchObject({ status: 'rendered', currentStage: 7, title: 'Copenhagen heats homes with the sea' });

    // One "make video" job on the server did the work (the web app's fast path), not the CLI stage by stage.
    const jobs = (await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/jobs`, headers: { cookie } })).json() as Job[];
    expect(jobs.filter((j) => j.name === 'video.make').map((j) => j.state)).toEqual(['succeeded']);
    // Its progress reached standard error as the CLI's stages, in order.
    const events = run.stderr.trim().split('\n').map((line) => JSON.parse(line) as { stage: string });
    expect([...new Set(events.map((e) => e.stage))]).toEqual(['import', 'analyse', 'script', 'voice', 'visuals', 'render']);
  });

  it('lists projects, shows a job and renders a project again into a file', async () => {
    const listed = await runCliProcess(['projects', '--json', ...server()]);
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as Project[]).map((p) => p.id)).toContain(projectId);
    const table = await runCliProcess(['projects', ...server()]);
    expect(table.stdout).toMatch(new RegExp(`^${projectId}  rendered +stage 7/8  Copenhagen heats homes with the sea$`, 'm'));

    const jobs = (await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/jobs`, headers: { cookie } })).json() as Job[];
    const renderJob = jobs.find((j) => j.name === 'render.video')!;
    const status = await runCliProcess(['status', renderJob.id, ...server()]);
    expect(status.code).toBe(0);
    expect(status.stdout).toBe('render.video succeeded 100%\n');

    const output = join(dir, 'wide.mp4');
    const rendered = await runCliProcess(['render', projectId, '--aspect', '16:9', '--quality', 'draft', '-o', output, ...server()]);
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(rendered.stdout).toContain(`Video: ${output}`);
    expect(rendered.stdout).toContain(`Captions: ${join(dir, 'wide.srt')}`);
    expect((await probeMedia(output)).streams.find((s) => s.codecType === 'video')).toMatchObject({ width: 1920, height: 1080 });

    const missing = await runCliProcess(['render', '0b6e3c1d-1111-4222-8333-944455566677', ...server()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Project not found');
  });
});
