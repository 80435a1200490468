import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlExecutor } from '../../db/client.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { StepUpsertBatcher } from './step-upsert-batcher.ts';
import { StepsRepository, type StepWrite } from './steps.repository.ts';

describe.each(DATABASE_KINDS)('batched step upserts on %s', (kind) => {
  let t: TestApp;
  let owner: { cookie: string; id: string };
  let statements: string[] = [];
  let repository: StepsRepository;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const signed = await signUp(t.app);
    owner = { cookie: signed.cookie, id: signed.user.id };
    const handle = t.context.database;
    const counting: SqlExecutor = (text, values, options) => {
      statements.push(text);
      return handle.executeSql(text, values, options);
    };
    repository = new StepsRepository({ ...handle, executeSql: counting });
  });
  afterAll(() => t.close());

  const projects = (n: number) => Promise.all(Array.from({ length: n }, () => createProject(t.app, owner.cookie)));
  const upsert = (projectId: string, stepNumber: number, dataJson: string, extra: Partial<StepWrite> = {}): StepWrite => ({
    ownerId: owner.id,
    projectId,
    stepNumber,
    data: JSON.parse(dataJson),
    dataJson,
    sources: stepNumber === 4 ? [3] : stepNumber === 3 ? [2] : [],
    ...extra,
  });
  const scriptHistory = async (projectId: string) =>
    (await t.context.database.executeSql('select version from script_versions where project_id = $1 order by version', [projectId])).rows.map((r) => Number(r.version));

  it('one statement writes the steps of several projects, each exactly as sent, with its own version, sources and history', async () => {
    const [p1, p2, p3] = await projects(3);
    const stranger = await signUp(t.app);
    const foreign = await createProject(t.app, stranger.cookie);
    await repository.upsertMany([upsert(p2!, 3, '{"finalScript":{"scenes":[]}}')]);

    const script = '{"finalScript":{"scenes":[{"id":"1","text":"Привет — «hook» \\"quoted\\""}],"z":1,"a":2}}';
    const batch = [
      upsert(p1!, 3, script),
      upsert(p2!, 4, '{"voice":"alloy"}'),
      upsert(p3!, 3, '{"finalScript":{"scenes":[]}}', { derivedFrom: { '2': 9 } }),
      upsert(foreign, 1, '{"text":"not yours"}'),
    ];
    statements = [];
    // The route accepts a project id in upper case; the result must still be found.
    batch[1] = { ...batch[1]!, projectId: p2!.toUpperCase() };
    const rows = await repository.upsertMany(batch);
    expect(statements).toHaveLength(1);
    expect(rows.map((r) => r && `${r.stepNumber}v${r.version}`)).toEqual(['3v1', '4v1', '3v1', null]);
    expect(rows[1]).toMatchObject({ derivedFrom: { '3': 1 }, sourceVersions: { '3': 1 } });
    expect(rows[2]).toMatchObject({ derivedFrom: { '2': 9 }, sourceVersions: {}, completedAt: null });

    const stored = await repository.list(owner.id, p1!, { 3: [2] });
    expect(JSON.stringify(stored![0]!.data)).toBe(script);
    expect(await repository.list(stranger.user.id, foreign, {})).toEqual([]);
    expect(await scriptHistory(p1!)).toEqual([1]);
    expect(await scriptHistory(p2!)).toEqual([1]);

    // Again, now setting completedAt: versions move on, an unchanged script adds no history.
    const again = await repository.upsertMany([batch[0]!, batch[2]!].map((w) => ({ ...w, completedAt: '2026-11-24T10:00:00.000Z' })));
    expect(again.map((r) => r && [r.version, r.completedAt?.toISOString()])).toEqual([
      [2, '2026-11-24T10:00:00.000Z'],
      [2, '2026-11-24T10:00:00.000Z'],
    ]);
    expect(await scriptHistory(p1!)).toEqual([1]);
  });

  it('40 simultaneous writes over 10 projects take 4 statements; every write gets its own version', async () => {
    const ids = await projects(10);
    const batcher = new StepUpsertBatcher(repository, { maxRows: 32, maxStatements: 1 });
    const writes = Array.from({ length: 40 }, (_, i) => upsert(ids[i % 10]!, 1, JSON.stringify({ text: `take ${i}` })));
    statements = [];
    const rows = await Promise.all(writes.map((w) => batcher.upsert(w)));

    expect(statements).toHaveLength(4);
    for (const id of ids) {
      const own = rows.filter((r) => r!.projectId === id);
      expect(own.map((r) => r!.version).sort()).toEqual([1, 2, 3, 4]);
      const [step] = (await repository.list(owner.id, id, {}))!;
      expect(step!.version).toBe(4);
      expect(writes.filter((w) => w.projectId === id).map((w) => w.data)).toContainEqual(step!.data);
    }
  });

  it('when the database rejects a shared statement, each write is retried alone and only the bad one fails', async () => {
    const ids = await projects(3);
    const batcher = new StepUpsertBatcher(repository);
    // A NUL character cannot be stored in a text column: the database rejects the whole statement.
    const reasons = ['fine', 'nul \u0000 here', 'also fine'];
    statements = [];
    const results = await Promise.allSettled(ids.map((id, i) => batcher.upsert(upsert(id, 4, '{}', { skipReason: reasons[i] }))));

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(statements).toHaveLength(4);
    const stored = await Promise.all(ids.map(async (id) => (await repository.list(owner.id, id, {}))!.map((s) => s.skipReason)));
    expect(stored).toEqual([['fine'], [], ['also fine']]);
  });
});
