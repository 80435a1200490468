import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../../contracts/projects.ts';
import { probeMedia } from '../../adapters/ffmpeg/probe.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { callTool, SHORT_TEXT, waitForToolJob } from './testing/mcp-client.ts';

const INITIALIZE = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };
const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

describe.each(DATABASE_KINDS)('MCP over streamable HTTP at /api/mcp (%s)', (kind) => {
  let t: TestApp;
  let base = '';
  let token = '';
  let cookie = '';
  let dir = '';
  let client: Client;

  const connect = async (headers: Record<string, string>) => {
    const connected = new Client({ name: 'reelforge-test', version: '1.0.0' });
    await connected.connect(new StreamableHTTPClientTransport(new URL('/api/mcp', base), { requestInit: { headers } }));
    return connected;
  };
  const projects = async () => (await t.app.inject({ method: 'GET', url: '/api/projects', headers: { cookie } })).json() as Project[];

  beforeAll(async () => {
    t = await createTestApp(kind, { jobs: { mode: 'worker', workerOptions: { heartbeatSec: 0.5 } } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    cookie = (await signUp(t.app)).cookie;
    token = (await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie }, payload: { name: 'agent' } })).json().token as string;
    dir = await mkdtemp(join(tmpdir(), 'rf-mcp-http-'));
    client = await connect({ authorization: `Bearer ${token}` });
  });
  afterAll(async () => {
    await client?.close();
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a request without a token, with only a session cookie, or with a wrong token', async () => {
    const refused: Array<Record<string, string>> = [{}, { cookie }, { authorization: 'Bearer rf_not-a-token' }];
    for (const headers of refused) {
      const response = await fetch(`${base}/api/mcp`, { method: 'POST', headers: { ...MCP_HEADERS, ...headers }, body: JSON.stringify(INITIALIZE) });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    }
    await expect(connect({ cookie })).rejects.toThrow(/UNAUTHENTICATED/);
    const stream = await fetch(`${base}/api/mcp`, { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } });
    expect(stream.status).toBe(405);
  });

  it('answers malformed requests with a 4xx, never a 5xx, with the API response headers', async () => {
    const json = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}` };
    const cases: Array<[Record<string, string>, string | undefined, number]> = [
      [json, '{}', 400],
      [json, '"x"', 400],
      [json, '{"jsonrpc":"2.0"', 400],
      [{ ...json, accept: 'application/json' }, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }), 406],
      [{ ...json, 'content-type': 'text/plain' }, 'hello', 415],
    ];
    for (const [headers, payload, status] of cases) {
      const response = await t.app.inject({ method: 'POST', url: '/api/mcp', headers, payload });
      expect(response.statusCode, `${payload}: ${response.body}`).toBe(status);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('lists the tools with input schemas from the API contracts', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      ['get_job', 'get_performance', 'get_script', 'get_video_url', 'list_formats', 'list_projects', 'list_voices', 'make_video', 'render_video'].sort(),
    );
    const make = tools.find((tool) => tool.name === 'make_video')!;
    expect(make.inputSchema.required).toEqual(['sourceType']);
    expect(make.inputSchema.properties?.targetDurationSec).toMatchObject({ type: 'integer', minimum: 5, maximum: 600 });
  });

  it('answers bad input with a tool error naming the field, as the REST API words it, and stores nothing', async () => {
    const before = await projects();
    const missing = await callTool(client, 'make_video', { sourceType: 'text' });
    expect(missing).toMatchObject({ isError: true, text: 'text: a text source needs text' });
    expect(missing.value).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'text' }] } } });
    const tooShort = await callTool(client, 'make_video', { sourceType: 'idea', idea: 'Trams', targetDurationSec: 2 });
    expect(tooShort.isError).toBe(true);
    expect(tooShort.text).toMatch(/^targetDurationSec: /);
    expect((await callTool(client, 'make_video', { sourceType: 'text', text: SHORT_TEXT, colour: 'red' })).text).toContain('colour');
    expect((await callTool(client, 'get_script', { projectId: 'nope' })).text).toBe('projectId: must be a project id (UUID)');
    expect(await projects()).toEqual(before);

    // The same message as the REST API for the same refusal.
    const stranger = await signUp(t.app);
    const theirs = (await t.app.inject({ method: 'POST', url: '/api/projects', headers: { cookie: stranger.cookie }, payload: { title: 'Theirs' } })).json().id as string;
    const rest = (await t.app.inject({ method: 'POST', url: `/api/projects/${theirs}/render`, headers: { authorization: `Bearer ${token}` }, payload: {} })).json();
    const tool = await callTool(client, 'render_video', { projectId: theirs });
    expect(tool).toMatchObject({ isError: true, text: rest.error.message, value: { error: { code: rest.error.code } } });
    const empty = (await t.app.inject({ method: 'POST', url: '/api/projects', headers: { cookie }, payload: { title: 'Empty' } })).json().id as string;
    const restRender = (await t.app.inject({ method: 'POST', url: `/api/projects/${empty}/render`, headers: { cookie }, payload: {} })).json();
    expect(await callTool(client, 'render_video', { projectId: empty })).toMatchObject({ isError: true, text: restRender.error.message });
  });

  it('makes a video from a text, follows the job and hands out a download URL of the MP4', async () => {
    const made = await callTool(client, 'make_video', { sourceType: 'text', text: SHORT_TEXT, format: 'news', language: 'en', targetDurationSec: 5, quality: 'draft' });
    expect(made.isError, made.text).toBe(false);
    const projectId = made.value.projectId as string;
    const job = await waitForToolJob(client, (made.value.job as { id: string }).id);
    expect(job.state, job.error ?? '').toBe('succeeded');

    const video = await callTool(client, 'get_video_url', { projectId });
    expect(video.value).toMatchObject({ ready: true, mime: 'video/mp4' });
    const videoUrl = new URL(video.value.videoUrl as string);
    expect(videoUrl.origin).toBe(base);
    expect((await fetch(videoUrl)).status).toBe(401);
    const download = await fetch(videoUrl, { headers: { authorization: `Bearer ${token}` } });
    expect(download.status).toBe(200);
    const file = join(dir, 'made.mp4');
    await writeFile(file, Buffer.from(await download.arrayBuffer()));
    const info = await probeMedia(file);
    expect(info.formatName).toContain('mp4');
    expect(info.streams.map((s) => s.codecType).sort()).toEqual(['audio', 'video']);
    expect(Math.abs(info.durationSec - (video.value.durationSec as number))).toBeLessThan(0.2);

    const script = await callTool(client, 'get_script', { projectId });
    expect(script.value).toMatchObject({ status: 'final', format: 'news', language: 'en' });
    expect((script.value.scenes as Array<{ text: string }>).length).toBeGreaterThanOrEqual(2);
    const listed = await callTool(client, 'list_projects', { limit: 50 });
    expect((listed.value.projects as Project[]).find((p) => p.id === projectId)).toMatchObject({ status: 'rendered', currentStage: 7 });
  }, 300_000);

  it('reads stage 8 from the step store, lists voices and formats', async () => {
    const projectId = (await t.app.inject({ method: 'POST', url: '/api/projects', headers: { cookie }, payload: { title: 'Published' } })).json().id as string;
    expect((await callTool(client, 'get_performance', { projectId })).value).toMatchObject({ recorded: false, data: null });
    const posts = [{ platform: 'youtube-shorts', url: 'https://youtube.com/shorts/abc', metrics: [{ views: 1200 }] }];
    const saved = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/steps`, headers: { cookie }, payload: { stepNumber: 8, data: { posts } } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await callTool(client, 'get_performance', { projectId })).value).toMatchObject({ recorded: true, data: { posts }, version: saved.json().version });

    const voices = await callTool(client, 'list_voices', { language: 'en' });
    expect((voices.value.voices as unknown[]).length).toBeGreaterThan(0);
    expect((await callTool(client, 'list_voices', { language: 'de' })).text).toMatch(/^language: /);
    const formats = await callTool(client, 'list_formats');
    expect(formats.value.formats).toEqual(expect.arrayContaining([{ id: 'news', minSec: 15, maxSec: 20, defaultSec: 20 }]));
  });
});
