/**
 * How long a job abandoned by a worker killed with -9 waits before another worker starts it again:
 * from the kill to the surviving worker's handler starting (PostgreSQL, two worker processes, the
 * default heartbeat and abandonment settings of WorkerRuntime).
 *
 * Run: npm run bench job-pickup   (writes the "job-pickup" section of BENCHMARKS.md)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../server/test/databases.ts';
import { machineLine, ROOT, writeBenchmarkSection } from './lib.ts';
import { benchUser, openContext } from './render-setup.ts';

const ROUNDS = 5;

interface Worker {
  child: ChildProcess;
  lines: string[];
  waitFor(line: string): Promise<void>;
}

function startWorker(databaseUrl: string, dataDir: string): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/pickup-worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiters: Array<{ line: string; resolve: () => void }> = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.line === line)) waiter.resolve();
    }
  });
  return {
    child,
    lines,
    waitFor: (line) => (lines.includes(line) ? Promise.resolve() : new Promise((resolve) => waiters.push({ line, resolve }))),
  };
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

export async function benchJobPickup(): Promise<void> {
  const database = await createTestDatabase('postgres');
  const dataDir = await mkdtemp(join(tmpdir(), 'rf-bench-pickup-'));
  const context = await openContext(dataDir, database.url);
  await context.queue.start();
  const user = await benchUser(context);
  const workers = [startWorker(database.url!, dataDir), startWorker(database.url!, dataDir)];
  const pickups: number[] = [];
  try {
    await Promise.all(workers.map((w) => w.waitFor('READY')));
    for (let round = 0; round < ROUNDS; round++) {
      const job = await context.jobs.enqueue({ ownerId: user.userId, projectId: null, name: 'render.video', payload: { projectId: randomUUID(), aspect: '9:16', quality: 'draft' } });
      const started = `STARTED ${job.id}`;
      const holder = await Promise.race(workers.map((w) => w.waitFor(started).then(() => w)));
      await new Promise((resolve) => setTimeout(resolve, 1000)); // in the middle of the job
      const survivor = workers.find((w) => w !== holder)!;
      const killedAt = performance.now();
      await killed(holder.child);
      await survivor.waitFor(started);
      pickups.push((performance.now() - killedAt) / 1000);
      console.log(`round ${round + 1}: picked up after ${pickups.at(-1)!.toFixed(1)} s`);
      const replacement = startWorker(database.url!, dataDir);
      workers[workers.indexOf(holder)] = replacement;
      await replacement.waitFor('READY');
      while ((await context.jobs.find(job.id))?.state !== 'succeeded') await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    for (const w of workers) await killed(w.child);
    await context.queue.stop();
    await database.drop();
  }
  const sorted = [...pickups].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  writeBenchmarkSection(
    'job-pickup',
    [
      '## Pickup of a job abandoned by a killed worker',
      '',
      `\`npm run bench job-pickup\` — ${machineLine()}. A worker is killed with -9 one second into a render job;`,
      'the figure is the time from the kill until the other worker process starts the job again (PostgreSQL,',
      'WorkerRuntime defaults: heartbeat every 2 s, taken back after 6 s of silence, then the render retry delay of 3 s).',
      '',
      `| rounds | fastest | median | slowest |`,
      `|---|---|---|---|`,
      `| ${pickups.length} | ${sorted[0]!.toFixed(1)} s | ${median.toFixed(1)} s | ${sorted.at(-1)!.toFixed(1)} s |`,
      '',
      'Before (heartbeat 5 s, abandoned after 30 s): about 38 s.',
    ].join('\n'),
  );
}
