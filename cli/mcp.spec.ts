import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../contracts/projects.ts';
import { probeMedia } from '../server/adapters/ffmpeg/probe.ts';
import { createTestApp, signUp, type TestApp } from '../server/test/harness.ts';
import { callTool, SHORT_TEXT, waitForToolJob } from '../server/modules/mcp/testing/mcp-client.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** `reelforge mcp ...` started by the SDK's client, as Claude Desktop starts it, talking over its standard input and output. */
async function startMcp(args: string[]): Promise<Client> {
  const client = new Client({ name: 'reelforge-test', version: '1.0.0' });
  const env = { ...process.env, REELFORGE_SERVER: '', REELFORGE_TOKEN: '' } as Record<string, string>;
  await client.connect(new StdioClientTransport({ command: process.execPath, args: ['cli/bin.mjs', 'mcp', ...args], cwd: ROOT, env, stderr: 'pipe' }));
  return client;
}

describe('reelforge mcp on standard input and output, in this process (--data-dir)', () => {
  let dir = '';
  let client: Client;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-mcp-stdio-'));
    client = await startMcp(['--data-dir', dir]);
  });
  afterAll(async () => {
    await client?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('makes a video from a text, follows its job and gives the MP4 as a file URL in the data directory; projects outlive the process', async () => {
    const refused = await callTool(client, 'make_video', { sourceType: 'text', text: SHORT_TEXT, format: 'vlog' });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/^format: /);
    expect((await callTool(client, 'list_projects')).value.projects).toEqual([]);

    const made = await callTool(client, 'make_video', { sourceType: 'text', text: SHORT_TEXT, format: 'news', language: 'en', targetDurationSec: 5, quality: 'draft' });
    expect(made.isError, made.text).toBe(false);
    const projectId = made.value.projectId as string;
    const job = await waitForToolJob(client, (made.value.job as { id: string }).id);
    expect(job.state, job.error ?? '').toBe('succeeded');

    const video = await callTool(client, 'get_video_url', { projectId });
    expect(video.value).toMatchObject({ ready: true, mime: 'video/mp4' });
    const file = fileURLToPath(video.value.videoUrl as string);
    expect(file.startsWith(dir)).toBe(true);
    expect((await stat(file)).size).toBe(video.value.sizeBytes);
    const info = await probeMedia(file);
    expect(info.formatName).toContain('mp4');
    expect(info.streams.map((s) => s.codecType).sort()).toEqual(['audio', 'video']);

    await client.close();
    client = await startMcp(['--data-dir', dir]);
    const projects = (await callTool(client, 'list_projects')).value.projects as Project[];
    expect(projects.map((p) => [p.id, p.status])).toEqual([[projectId, 'rendered']]);
    const script = (await callTool(client, 'get_script', { projectId })).value as { status: string; scenes: Array<{ id: string; text: string }>; unfilled: string[] };
    expect(script.status).toBe('final');
    expect(script.unfilled).toEqual(script.scenes.filter((scene) => /\[[^\]]+\]/.test(scene.text)).map((scene) => scene.id));
  }, 300_000);
});

describe('reelforge mcp --server: the tools through a running server', () => {
  let t: TestApp;
  let url = '';
  let token = '';
  let cookie = '';

  beforeAll(async () => {
    t = await createTestApp('pglite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    cookie = (await signUp(t.app)).cookie;
    token = (await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie }, payload: { name: 'agent' } })).json().token as string;
  });
  afterAll(() => t.close());

  it("reads the account's projects and answers with the API's own error messages; a refused token is a tool error", async () => {
    const projectId = (await t.app.inject({ method: 'POST', url: '/api/projects', headers: { cookie }, payload: { title: 'Through the API' } })).json().id as string;
    const client = await startMcp(['--server', url, '--token', token]);
    try {
      const projects = (await callTool(client, 'list_projects')).value.projects as Project[];
      expect(projects.map((p) => p.title)).toEqual(['Through the API']);
      expect((await callTool(client, 'get_script', { projectId })).value).toMatchObject({ status: 'none', scenes: [] });

      const missingJob = '00000000-0000-4000-8000-000000000000';
      const rest = (await t.app.inject({ method: 'GET', url: `/api/jobs/${missingJob}`, headers: { cookie } })).json();
      expect(await callTool(client, 'get_job', { jobId: missingJob })).toMatchObject({ isError: true, text: rest.error.message, value: { error: { code: 'NOT_FOUND' } } });
      const restRender = (await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/render`, headers: { cookie }, payload: {} })).json();
      expect(await callTool(client, 'render_video', { projectId })).toMatchObject({ isError: true, text: restRender.error.message, value: { error: { code: restRender.error.code } } });
    } finally {
      await client.close();
    }

    const refused = await startMcp(['--server', url, '--token', 'rf_not-a-real-token']);
    try {
      expect(await callTool(refused, 'list_projects')).toMatchObject({ isError: true, text: `the server at ${url} refused the token (401): check --token` });
    } finally {
      await refused.close();
    }
  }, 120_000);
});
