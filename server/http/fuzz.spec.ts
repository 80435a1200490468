import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../test/databases.ts';
import { snapshotDatabase } from '../test/db-snapshot.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../test/harness.ts';

/**
 * Property: whatever arrives at a documented route (odd path segments, query strings, headers,
 * bodies), the answer is never a 5xx, and a refused request (4xx) changes no stored row. Seeded and
 * bounded so it runs in CI in well under two minutes; raise FUZZ_RUNS locally to search longer.
 */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 4);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

interface Operation {
  method: string;
  path: string;
  parameters?: Array<{ in: 'path' | 'query'; name: string }>;
  requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

const EDGE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', '..', '../..', '%2e%2e', '%00', '-1', '0', '3', '8', '1e309', 'NaN', 'null', 'true',
  '[]', '{}', '{"a":', 'x'.repeat(3000), 'ünï©ødé ✓ 😀', 'Ünïcode русский', '<html class="ad-free"></html>', 'just text, no tags',
  '<script>alert(1)</script>', "' or 1=1 --", '9b2f6c1e-3d4a-4b5c-8d6e-7f8091a2b3c4', 'openai', 'elevenlabs', 'pexels', 'draft', '9:16',
];
/** Percent-encodes every UTF-8 byte (encodeURIComponent throws on lone surrogates). */
const percentEncode = (text: string) => [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
const edgeString = fc.oneof(fc.constantFrom(...EDGE_STRINGS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
const edgeValue: fc.Arbitrary<unknown> = fc.oneof(
  edgeString,
  fc.integer({ min: -2, max: 10 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A path segment: the user's real project (resolved at send time), another id, or something odd. */
type Segment = { project: true } | { text: string };
const segment: fc.Arbitrary<Segment> = fc.oneof(
  fc.constant({ project: true } as const),
  fc.uuid().map((text) => ({ text })),
  fc.integer({ min: -1, max: 9 }).map((n) => ({ text: String(n) })),
  fc.constantFrom('%2e%2e', '%2E%2E%2F', '..%2f..', '%00', '%ZZ', '%C0%AE', 'x'.repeat(300)).map((text) => ({ text })),
  edgeString.map((text) => ({ text: percentEncode(text) })),
);

const CONTENT_TYPES = [
  'application/json',
  'application/merge-patch+json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=fuzz',
  'application/octet-stream',
];
const headers = fc.record(
  {
    'content-type': fc.constantFrom(...CONTENT_TYPES),
    'if-match': fc.oneof(fc.constantFrom('"1"', '*', 'W/"2"', '"-1"', 'garbage'), edgeString.filter((s) => /^[\x20-\x7e]*$/.test(s))),
    range: fc.constantFrom('bytes=0-', 'bytes=5-2', 'bytes=abc', 'bytes=0-1,3-4', 'bytes=99999999-'),
    accept: fc.constantFrom('application/json', 'text/event-stream', '*/*', 'image/png'),
  },
  { requiredKeys: ['content-type'] },
);

function bodyFor(operation: Operation): fc.Arbitrary<string | undefined> {
  const schema = Object.values(operation.requestBody?.content ?? {})[0]?.schema;
  const keys = Object.keys(schema?.properties ?? {});
  const shaped = keys.length
    ? fc.record(Object.fromEntries(keys.map((key) => [key, edgeValue])), { requiredKeys: [] }).map((value) => JSON.stringify(value))
    : fc.constant('{}');
  return fc.oneof(
    { weight: 4, arbitrary: shaped },
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    edgeString,
    fc.integer({ min: 65, max: 3000 }).map((depth) => `{"data":${'['.repeat(depth)}${']'.repeat(depth)}}`),
    fc.constantFrom('{"title":"\\ud800"}', '{"stepNumber":3,"data":{"x":"\\u0000"}}', '--fuzz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc'),
    fc.constant(undefined),
  );
}

function queryFor(operation: Operation): fc.Arbitrary<string> {
  const names = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const name = names.length ? fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 });
  const pair = fc.tuple(name, fc.oneof(edgeString.map(percentEncode), fc.constantFrom('%00', '%ZZ', '%ED%A0%80', '1', '0', '-5', '99999')));
  return fc.array(pair, { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${percentEncode(k)}=${v}`).join('&'));
}

describe.each(DATABASE_KINDS)('every documented route under generated input, on %s', (kind) => {
  let t: TestApp;
  let bearer: string;
  let projectId: string;
  let operations: Operation[];
  beforeAll(async () => {
    t = await createTestApp(kind, { jobs: { mode: 'queue' } });
    const { cookie } = await signUp(t.app);
    projectId = await createProject(t.app, cookie);
    // A bearer token: signing out cannot end it, so every run stays authenticated.
    const token = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie }, payload: { name: 'fuzz' } });
    bearer = `Bearer ${(token.json() as { token: string }).token}`;
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })));
  });
  afterAll(() => t.close());

  it('documents the routes it fuzzes', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toContain('POST /api/projects/{id}/steps');
  });

  it('answers no 5xx, and a refused request stores nothing', async () => {
    for (const [index, operation] of operations.entries()) {
      const pathNames = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const input = fc.record({
        segments: fc.array(segment, { minLength: pathNames.length, maxLength: pathNames.length }),
        query: queryFor(operation),
        headers,
        body: bodyFor(operation),
      });
      const property = fc.asyncProperty(input, async ({ segments, query, headers, body }) => {
        let url = operation.path;
        pathNames.forEach((name, i) => {
          const value = segments[i]!;
          // An event stream of a real project stays open until the client leaves (inject never does).
          const stream = operation.path.endsWith('/events');
          url = url.replace(`{${name}}`, 'project' in value ? (stream ? 'x' : projectId) : value.text || 'x');
        });
        if (query) url += `?${query}`;
        const before = await snapshotDatabase(t.context.database);
        const response = await t.app.inject({
          method: operation.method as 'GET',
          url,
          headers: { ...headers, authorization: bearer },
          ...(body === undefined || operation.method === 'GET' ? {} : { payload: body }),
        });
        const context = `${operation.method} ${url} -> ${response.statusCode} ${response.body.slice(0, 300)}`;
        expect(response.statusCode, context).toBeLessThan(500);
        if (response.statusCode >= 400) expect(await snapshotDatabase(t.context.database), context).toBe(before);
        // A run that deleted the project works on a new one, so later runs still reach deep code.
        if (operation.method === 'DELETE' && response.statusCode < 300 && url.includes(projectId)) {
          const created = await t.app.inject({ method: 'POST', url: '/api/projects', headers: { authorization: bearer }, payload: { title: 'fuzz' } });
          projectId = (created.json() as { id: string }).id;
        }
      });
      await fc.assert(property, { numRuns: RUNS_PER_ROUTE, seed: SEED + index, endOnFailure: true });
    }
  }, 600_000);
});
