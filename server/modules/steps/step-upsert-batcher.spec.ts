import { describe, expect, it } from 'vitest';
import { StepUpsertBatcher, type StepUpserter } from './step-upsert-batcher.ts';
import type { StepRow, StepWrite } from './steps.repository.ts';

const write = (projectId: string, extra: Partial<StepWrite> = {}): StepWrite => ({
  ownerId: 'owner',
  projectId,
  stepNumber: 3,
  data: { take: projectId },
  sources: [],
  ...extra,
});

const rowFor = (w: StepWrite, version: number): StepRow => ({
  id: `${w.projectId}-${w.stepNumber}`,
  projectId: w.projectId,
  stepNumber: w.stepNumber,
  data: w.data,
  completedAt: null,
  skipReason: w.skipReason ?? null,
  version,
  derivedFrom: {},
  sourceVersions: {},
  contentVersion: version,
  derivedContent: {},
  sourceContents: {},
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

/** Records every statement (the writes it carried) and numbers versions per project. */
function recordingUpserter(fail?: (batch: StepWrite[]) => unknown): StepUpserter & { statements: StepWrite[][] } {
  const versions = new Map<string, number>();
  const statements: StepWrite[][] = [];
  return {
    statements,
    async upsertMany(writes) {
      statements.push(writes);
      await new Promise((resolve) => setTimeout(resolve, 1));
      const error = fail?.(writes);
      if (error) throw error;
      return writes.map((w) => {
        const version = (versions.get(w.projectId) ?? 0) + 1;
        versions.set(w.projectId, version);
        return rowFor(w, version);
      });
    },
  };
}

const pgError = (message: string) => Object.assign(new Error(message), { severity: 'ERROR', code: '40P01' });

describe('StepUpsertBatcher', () => {
  it('writes what arrives together in one statement, at most one row per project, later writes of a project in arrival order', async () => {
    const upserter = recordingUpserter();
    const batcher = new StepUpsertBatcher(upserter, { maxRows: 32, maxStatements: 1 });
    const writes = ['a', 'b', 'a', 'c', 'A', 'b'].map((p, i) => write(p, { data: { take: i } }));
    const rows = await Promise.all(writes.map((w) => batcher.upsert(w)));

    // Project ids are uuids: 'A' is the same project as 'a'.
    expect(upserter.statements.map((s) => s.map((w) => w.projectId))).toEqual([['a', 'b', 'c'], ['a', 'b'], ['A']]);
    expect(rows.map((r) => `${r!.projectId}${r!.version}`)).toEqual(['a1', 'b1', 'a2', 'c1', 'A1', 'b2']);
    expect(rows.map((r) => r!.data)).toEqual(writes.map((w) => w.data));
  });

  it('keeps to maxRows per statement and never mixes writes that set different fields', async () => {
    const upserter = recordingUpserter();
    const batcher = new StepUpsertBatcher(upserter, { maxRows: 2, maxStatements: 4 });
    const writes = [write('a'), write('b', { completedAt: null }), write('c'), write('d'), write('e', { completedAt: '2026-01-01T00:00:00Z' })];
    await Promise.all(writes.map((w) => batcher.upsert(w)));

    const shapes = upserter.statements.map((s) => s.map((w) => `${w.projectId}:${w.completedAt !== undefined}`));
    expect(shapes).toEqual([['a:false', 'c:false'], ['b:true', 'e:true'], ['d:false']]);
  });

  it('holds writes back while maxStatements are in flight, then sends them together', async () => {
    const upserter = recordingUpserter();
    const batcher = new StepUpsertBatcher(upserter, { maxRows: 32, maxStatements: 1 });
    const first = batcher.upsert(write('a'));
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['b', 'c', 'd'].map((p) => batcher.upsert(write(p)));
    await Promise.all([first, ...later]);
    expect(upserter.statements.map((s) => s.length)).toEqual([1, 3]);
  });

  it('retries each write alone when a shared statement fails in the database, so only the faulty write fails', async () => {
    const upserter = recordingUpserter((batch) => (batch.some((w) => w.projectId === 'bad') ? pgError('deadlock detected') : undefined));
    const batcher = new StepUpsertBatcher(upserter);
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((p) => batcher.upsert(write(p))));

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('deadlock detected');
    expect(upserter.statements.map((s) => s.map((w) => w.projectId))).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
    // Nothing of the failed statement counted: each write is version 1.
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<StepRow>).value.version)).toEqual([1, 1]);
  });

  it('does not retry after a lost connection, where the outcome is unknown: every write of the statement gets the error', async () => {
    const upserter = recordingUpserter(() => new Error('Connection terminated unexpectedly'));
    const batcher = new StepUpsertBatcher(upserter);
    const results = await Promise.allSettled(['a', 'b'].map((p) => batcher.upsert(write(p))));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(upserter.statements).toHaveLength(1);
  });

  it('passes on a missing project as null to that write only', async () => {
    const upserter: StepUpserter = { upsertMany: async (writes) => writes.map((w, i) => (w.projectId === 'gone' ? null : rowFor(w, i + 1))) };
    const batcher = new StepUpsertBatcher(upserter);
    const rows = await Promise.all(['a', 'gone', 'b'].map((p) => batcher.upsert(write(p))));
    expect(rows.map((r) => r?.projectId ?? null)).toEqual(['a', null, 'b']);
  });
});
