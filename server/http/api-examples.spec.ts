import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { API_EXAMPLES } from './api-examples/index.ts';
import { routeKey } from './openapi.ts';
import { apiRoutesOf, type RegisteredRoute } from './router.ts';

/**
 * Routes added in parallel with the examples (library, batches, factory, performance, media
 * sources, project cards, stock fill) that have none yet: a known gap of issue 15, listed so that
 * no other route can lose its example and so that the list only shrinks (an entry that gains an
 * example, or names no route, fails below).
 */
const WITHOUT_EXAMPLES_YET = new Set([
  'GET /api/projects/cards',
  'GET /api/media-sources/transcriber',
  'POST /api/projects/:id/media-source/url',
  'POST /api/projects/:id/media-source/transcribe',
  'POST /api/projects/:id/storyboard/stock-fill',
  'GET /api/library',
  'POST /api/library',
  'GET /api/library/:entryId',
  'PATCH /api/library/:entryId',
  'DELETE /api/library/:entryId',
  'POST /api/library/:entryId/versions',
  'GET /api/library/:entryId/versions/:version',
  'GET /api/library/:entryId/compare',
  'POST /api/library/:entryId/produce',
  'POST /api/projects/:id/library',
  'GET /api/projects/:id/library',
  'POST /api/batches',
  'GET /api/batches/:batchId',
  'GET /api/projects/:id/performance',
  'POST /api/projects/:id/publications',
  'DELETE /api/publications/:publicationId',
  'POST /api/publications/:publicationId/readings',
  'POST /api/publications/:publicationId/readings/csv',
  'DELETE /api/publications/:publicationId/readings/:readingId',
  'POST /api/publications/:publicationId/refresh',
  'GET /api/performance',
  'POST /api/performance/summary',
  'GET /api/factory/settings',
  'PUT /api/factory/rules',
  'PATCH /api/factory/learned',
  'POST /api/factory/profile',
  'PATCH /api/factory/profile/:ruleId',
  'DELETE /api/factory/profile/:ruleId',
  'POST /api/factory/run',
  'GET /api/factory/runs',
  'GET /api/factory/drafts',
  'GET /api/factory/drafts/:draftId',
  'POST /api/factory/drafts/:draftId/approve',
  'POST /api/factory/drafts/:draftId/revise',
  'POST /api/factory/drafts/:draftId/reject',
]);

/** The ways an example does not fit its route: every one names the route and the part. */
function problemsOf({ spec }: RegisteredRoute): string[] {
  const key = routeKey(spec);
  const example = API_EXAMPLES[key];
  if (!example) return WITHOUT_EXAMPLES_YET.has(key) ? [] : [`${key}: no example`];
  const problems: string[] = [];
  const check = (part: string, schema: RegisteredRoute['spec']['body'], value: unknown) => {
    if (!schema) return;
    const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
    if (!parsed.success) problems.push(`${key}: ${part}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
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
    expect([...WITHOUT_EXAMPLES_YET].filter((key) => !known.has(key) || API_EXAMPLES[key]), 'listed as without an example, but no such route or it has one').toEqual([]);
  });

  it('the check finds an example that does not fit', () => {
    const login = routes.find(({ spec }) => routeKey(spec) === 'POST /api/auth/login')!;
    const saved = API_EXAMPLES['POST /api/auth/login']!;
    try {
      API_EXAMPLES['POST /api/auth/login'] = { request: { body: { email: 'not-an-email' } }, response: { status: 200, body: { id: 1 } } };
      expect(problemsOf(login).join('\n')).toMatch(/body: .*email[\s\S]*response: /);
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
    const openApiPath = (key: string) => key.replace(/:(\w+)/g, '{$1}');
    const gaps = new Set([...WITHOUT_EXAMPLES_YET].map((key) => `${key.split(' ')[0]!.toLowerCase()} ${openApiPath(key.split(' ')[1]!)}`));
    for (const [path, operations] of Object.entries<Record<string, { responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>>(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (gaps.has(`${method} ${path}`)) continue;
        const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'))!;
        if (success[0] === '204') continue;
        expect(Object.values(success[1].content ?? {}).some((c) => c.example !== undefined), `${method} ${path}`).toBe(true);
      }
    }
  });
});
