import { afterEach, describe, expect, it } from 'vitest';
import { JOB_NAMES } from '../../../contracts/jobs.ts';
import { JOB_POLICIES } from './job-handlers.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../test/databases.ts';
import { JobQueue } from '../../adapters/queue/job-queue.ts';

// Separate worker processes share one queue only on PostgreSQL; each JobQueue here has its own pool.
describe.runIf(DATABASE_KINDS.includes('postgres'))('several workers starting at once on a fresh PostgreSQL database', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it.each([1, 2, 3, 4])('start and take every queue without error (round %i)', async () => {
    const database: TestDatabase = await createTestDatabase('postgres');
    cleanups.push(() => database.drop());
    const queues = Array.from({ length: 4 }, () => new JobQueue(database.handle, database.url, { queues: JOB_POLICIES }));
    cleanups.unshift(async () => {
      await Promise.all(queues.map((q) => q.stop()));
    });
    // What a worker does at start: start the queue, then a loop per job name.
    const results = await Promise.allSettled(
      queues.map(async (queue) => {
        await queue.start();
        for (const name of JOB_NAMES) await queue.work(name, JOB_POLICIES[name], 1, async () => {});
      }),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const created = await database.handle.executeSql('select name from pgboss.queue order by name');
    expect(created.rows.map((r) => r.name)).toEqual(expect.arrayContaining([...JOB_NAMES]));
  });
});
