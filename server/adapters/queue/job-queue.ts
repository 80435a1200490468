import PgBoss from 'pg-boss';
import { type DatabaseHandle, withSchemaChangeLock } from '../../db/client.ts';

export interface RetryPolicy {
  retryLimit: number;
  retryDelaySec: number;
  /** The queue fails a job still active after this long; kept long because our heartbeat reaper is faster. */
  expireInSeconds: number;
}

export interface DeliveredJob {
  id: string;
  retryCount: number;
  retryLimit: number;
}

/** Durable delivery of job ids to workers, with retries and backoff: pg-boss on the app's database. */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly created = new Set<string>();
  private readonly queues: Record<string, RetryPolicy>;

  /** `queues`: every queue this app uses, created once at start (see start). */
  constructor(
    database: DatabaseHandle,
    private readonly databaseUrl: string | undefined,
    options: { schedule?: boolean; queues?: Record<string, RetryPolicy> } = {},
  ) {
    this.queues = options.queues ?? {};
    const common = { schedule: options.schedule ?? false, supervise: true, migrate: true } as const;
    this.boss = databaseUrl
      ? new PgBoss({ connectionString: databaseUrl, max: 4, ...common })
      : // PGlite is in this process: pg-boss sends its SQL through our handle.
        new PgBoss({ db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) }, ...common });
    this.boss.on('error', (error: Error) => {
      console.error('job queue error:', error.message);
    });
  }

  /**
   * Starts pg-boss and creates the app's queues that do not exist yet. Creating queues from several
   * processes at once deadlocks in PostgreSQL (each creation adds a partition), so starting and
   * creating happen under the schema-change lock: the first process creates, the rest find them.
   */
  async start(): Promise<void> {
    await withSchemaChangeLock(this.databaseUrl, async () => {
      await this.boss.start();
      const existing = new Set((await this.boss.getQueues()).map((queue) => queue.name));
      for (const [name, policy] of Object.entries(this.queues)) {
        if (existing.has(name)) this.created.add(name);
        else await this.ensureQueue(name, policy);
      }
    });
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, timeout: 5000 });
  }

  async ensureQueue(name: string, policy: RetryPolicy): Promise<void> {
    if (this.created.has(name)) return;
    await this.boss.createQueue(name, {
      name,
      retryLimit: policy.retryLimit,
      retryDelay: policy.retryDelaySec,
      retryBackoff: true,
      expireInSeconds: policy.expireInSeconds,
    });
    this.created.add(name);
  }

  async send(name: string, id: string, policy: RetryPolicy): Promise<void> {
    await this.ensureQueue(name, policy);
    await this.boss.send(name, {}, {
      id,
      retryLimit: policy.retryLimit,
      retryDelay: policy.retryDelaySec,
      retryBackoff: true,
      expireInSeconds: policy.expireInSeconds,
    });
  }

  /** Runs `concurrency` loops taking one job at a time; a thrown error makes pg-boss retry or fail it. */
  async work(name: string, policy: RetryPolicy, concurrency: number, handler: (job: DeliveredJob) => Promise<void>): Promise<void> {
    await this.ensureQueue(name, policy);
    for (let i = 0; i < concurrency; i++) {
      await this.boss.work(name, { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true }, async (jobs) => {
        const job = jobs[0] as unknown as { id: string; retryCount: number; retryLimit: number };
        await handler({ id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit });
      });
    }
  }

  async cancel(name: string, id: string): Promise<void> {
    await this.boss.cancel(name, id);
  }

  /** Fails an active job whose worker died, so the queue retries it (or gives up when out of retries). */
  async failAbandoned(name: string, id: string): Promise<void> {
    await this.boss.fail(name, id, { message: 'the worker stopped during the job' });
  }

  async schedule(name: string, cron: string, policy: RetryPolicy): Promise<void> {
    await this.ensureQueue(name, policy);
    await this.boss.schedule(name, cron, {});
  }
}
