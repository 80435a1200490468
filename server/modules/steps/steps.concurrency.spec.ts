import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';

describe.each(DATABASE_KINDS)('step store under concurrent writes on %s (real HTTP)', (kind) => {
  let t: TestApp;
  let cookie: string;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    cookie = (await signUp(t.app)).cookie;
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  const postStep = (projectId: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/projects/${projectId}/steps`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('200 simultaneous upserts of one step: all 200, one row, version 200, data from one of them', async () => {
    const projectId = await createProject(t.app, cookie);
    const bodies = Array.from({ length: 200 }, (_, i) => ({ stepNumber: 3, data: { finalScript: { scenes: [{ id: '1', text: `take ${i}` }] } } }));
    const responses = await Promise.all(bodies.map((body) => postStep(projectId, body)));
    expect(responses.map((r) => r.status)).toEqual(bodies.map(() => 200));
    const versions = await Promise.all(responses.map(async (r) => ((await r.json()) as { version: number }).version));
    expect(new Set(versions).size).toBe(200);

    const steps = (await (await fetch(`${base}/api/projects/${projectId}/steps`, { headers: { cookie } })).json()) as Array<{
      version: number;
      data: unknown;
    }>;
    expect(steps).toHaveLength(1);
    expect(steps[0]!.version).toBe(200);
    expect(bodies.map((b) => JSON.stringify(b.data))).toContain(JSON.stringify(steps[0]!.data));
  });

  it('50 simultaneous writes carrying the same If-Match: exactly one wins, 49 get 412', async () => {
    const projectId = await createProject(t.app, cookie);
    const first = (await (await postStep(projectId, { stepNumber: 4, data: { take: 'base' } })).json()) as { version: number };
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => postStep(projectId, { stepNumber: 4, data: { take: i } }, { 'if-match': `"${first.version}"` })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(49);
    const refused = (await responses.find((r) => r.status === 412)!.json()) as { error: { details: { current: { version: number } } } };
    expect(refused.error.details.current.version).toBe(2);
  });

  it('50 simultaneous merge patches of different keys all land', async () => {
    const projectId = await createProject(t.app, cookie);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${base}/api/projects/${projectId}/steps/6`, {
          method: 'PATCH',
          headers: { cookie, 'content-type': 'application/merge-patch+json' },
          body: JSON.stringify({ data: { [`key${i}`]: i } }),
        }),
      ),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const step = (await (await fetch(`${base}/api/projects/${projectId}/steps/6`, { headers: { cookie } })).json()) as {
      version: number;
      data: Record<string, number>;
    };
    expect(step.version).toBe(50);
    expect(Object.keys(step.data)).toHaveLength(50);
  });

  it('upserts, merges and If-Match writes over 8 projects at once: no server error, and every success counts once', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, () => createProject(t.app, cookie)));
    const requests = Array.from({ length: 160 }, (_, i) => {
      const projectId = ids[(i >> 2) % 8]!;
      const stepNumber = [1, 3, 4, 6][(i >> 5) % 4]!;
      const send =
        i % 4 === 2
          ? fetch(`${base}/api/projects/${projectId}/steps/${stepNumber}`, {
              method: 'PATCH',
              headers: { cookie, 'content-type': 'application/merge-patch+json' },
              body: JSON.stringify({ data: { [`merged${i}`]: i } }),
            })
          : postStep(projectId, { stepNumber, data: { take: i } }, i % 4 === 3 ? { 'if-match': '"1"' } : {});
      return send.then((response) => ({ key: `${projectId}/${stepNumber}`, kind: i % 4, status: response.status }));
    });
    const answers = await Promise.all(requests);

    expect(answers.filter((a) => a.kind !== 3 && a.status !== 200)).toEqual([]);
    expect(answers.filter((a) => a.kind === 3 && a.status !== 200 && a.status !== 412)).toEqual([]);
    for (const projectId of ids) {
      const steps = (await (await fetch(`${base}/api/projects/${projectId}/steps`, { headers: { cookie } })).json()) as Array<{ stepNumber: number; version: number }>;
      for (const step of steps) {
        const successes = answers.filter((a) => a.key === `${projectId}/${step.stepNumber}` && a.status === 200).length;
        expect(step.version, `${projectId}/${step.stepNumber}`).toBe(successes);
      }
      expect(steps.map((s) => s.stepNumber)).toEqual([1, 3, 4, 6]);
    }
  });
});
