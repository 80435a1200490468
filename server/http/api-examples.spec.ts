import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { API_EXAMPLES } from './api-examples/index.ts';
import { routeKey } from './openapi.ts';
import { apiRoutesOf, type RegisteredRoute } from './router.ts';

/**
 * Where an example has a field its schema does not know: parsing drops such fields silently, so a
 * misspelt or stale field would otherwise reach the published document unnoticed.
 */
function unknownFields(example: unknown, parsed: unknown, path = ''): string[] {
  if (Array.isArray(example) && Array.isArray(parsed)) return example.flatMap((item, i) => unknownFields(item, parsed[i], `${path}${i}.`));
  if (!isRecord(example) || !isRecord(parsed)) return [];
  return Object.entries(example).flatMap(([name, value]) => (name in parsed ? unknownFields(value, parsed[name], `${path}${name}.`) : [`${path}${name}`]));
}
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The ways an example does not fit its route: every one names the route and the part. */
function problemsOf({ spec }: RegisteredRoute): string[] {
  const key = routeKey(spec);
  const example = API_EXAMPLES[key];
  if (!example) return [`${key}: no example`];
  const problems: string[] = [];
  const check = (part: string, schema: RegisteredRoute['spec']['body'], value: unknown) => {
    if (!schema) {
      if (value !== undefined && part !== 'response') problems.push(`${key}: ${part}: the route takes none`);
      return;
    }
    const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
    if (!parsed.success) problems.push(`${key}: ${part}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    else for (const path of unknownFields(value, parsed.data)) problems.push(`${key}: ${part}: ${path} is not in the schema`);
  };
  check('params', spec.params, example.request?.params);
  check('query', spec.query, example.request?.query);
  check('body', spec.body, example.request?.body);
  if (spec.response && example.response.contentType === undefined) check('response', spec.response, example.response.body);
  const status = spec.status ?? 200;
  if (example.response.status !== status && !(status === 200 && example.response.status === 202)) problems.push(`${key}: status ${example.response.status}, route answers ${status}`);
  if (spec.params && !example.request?.params) problems.push(`${key}: no example path parameters`);
  if (spec.body && example.request?.body === undefined && !spec.body.safeParse(undefined).success) problems.push(`${key}: no example body`);
  if (status !== 204 && example.response.body === undefined && example.response.text === undefined) problems.push(`${key}: no example response`);
  return problems;
}

describe('API examples', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];
  beforeAll(async () => {
    t = await createTestApp('pglite');
    routes = apiRoutesOf.get(t.app)!;
  });
  afterAll(() => t.close());

  it('every route has an example request and response that its own schemas accept', () => {
    expect(routes.length).toBeGreaterThan(70);
    expect(routes.flatMap(problemsOf)).toEqual([]);
    const known = new Set(routes.map(({ spec }) => routeKey(spec)));
    expect(Object.keys(API_EXAMPLES).filter((key) => !known.has(key)), 'examples of routes that do not exist').toEqual([]);
  });

  it('the check finds an example that does not fit', () => {
    const login = routes.find(({ spec }) => routeKey(spec) === 'POST /api/auth/login')!;
    const saved = API_EXAMPLES['POST /api/auth/login']!;
    try {
      API_EXAMPLES['POST /api/auth/login'] = { request: { body: { email: 'not-an-email' } }, response: { status: 200, body: { id: 1 } } };
      expect(problemsOf(login).join('\n')).toMatch(/body: .*email[\s\S]*response: /);
      API_EXAMPLES['POST /api/auth/login'] = { request: { ...saved.request, query: { next: '/' } }, response: { ...saved.response, body: { ...(saved.response.body as object), nickname: 'Ada' } } };
      expect(problemsOf(login)).toEqual(['POST /api/auth/login: query: the route takes none', 'POST /api/auth/login: response: nickname is not in the schema']);
    } finally {
      API_EXAMPLES['POST /api/auth/login'] = saved;
    }
  });

  it('the document at /api/openapi.json carries them: parameters, request bodies and success responses', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const create = doc.paths['/api/projects'].post;
    expect(create.requestBody.content['application/json'].example).toEqual({ title: 'Eastbrook gets its tram line back' });
    expect(create.responses['201'].content['application/json'].example).toMatchObject({ status: 'draft', currentStage: 1 });
    expect(doc.paths['/api/projects/{id}'].get.parameters[0].example).toBe(API_EXAMPLES['GET /api/projects/:id']!.request!.params!.id);
    expect(doc.paths['/api/jobs/{jobId}/events'].get.responses['200'].content['text/event-stream'].example).toContain('event: job');
    for (const [path, operations] of Object.entries<Record<string, { responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>>(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'))!;
        if (success[0] === '204') continue;
        expect(Object.values(success[1].content ?? {}).some((c) => c.example !== undefined), `${method} ${path}`).toBe(true);
      }
    }
  });
});
