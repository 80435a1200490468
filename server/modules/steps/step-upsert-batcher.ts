import type { StepRow, StepWrite } from './steps.repository.ts';

export interface StepUpserter {
  upsertMany(writes: StepWrite[]): Promise<Array<StepRow | null>>;
}

interface Queued {
  write: StepWrite;
  resolve: (row: StepRow | null) => void;
  reject: (error: unknown) => void;
}

export interface BatchLimits {
  /** Rows per statement. */
  maxRows: number;
  /** Statements in flight at once; writes arriving meanwhile wait and go together in the next one. */
  maxStatements: number;
}

const DEFAULT_LIMITS: BatchLimits = { maxRows: 32, maxStatements: 4 };

/** Which fields a write sets decides the statement; only writes of one shape share a statement. */
const shapeOf = (w: StepWrite) => `${w.completedAt !== undefined}/${w.skipReason !== undefined}`;

/** An error PostgreSQL raised for the statement (SQLSTATE and severity), as opposed to a lost connection. */
const isStatementError = (error: unknown) =>
  typeof error === 'object' && error !== null && typeof (error as { severity?: unknown }).severity === 'string' && typeof (error as { code?: unknown }).code === 'string';

/**
 * Unconditional step upserts that arrive together are written by one statement (group commit):
 * under load, one round trip, one plan execution and one commit serve many writes. A write waits at
 * most until the end of the current event-loop turn, or until a statement slot frees up. Each
 * project gets at most one row per statement; further writes of it go to the next statement, in
 * arrival order. When a shared statement fails as a whole (a deadlock with another transaction, say),
 * nothing of it was committed, and each of its writes is retried alone so that only the write at
 * fault sees the error.
 */
export class StepUpsertBatcher {
  private queue: Queued[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly steps: StepUpserter,
    private readonly limits: BatchLimits = DEFAULT_LIMITS,
  ) {}

  upsert(write: StepWrite): Promise<StepRow | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the I/O callbacks of this turn, so that requests read in the same turn share a statement.
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < this.limits.maxStatements && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }

  /** The oldest write, with later ones of its shape for other projects, up to maxRows. */
  private takeBatch(): Queued[] {
    const shape = shapeOf(this.queue[0]!.write);
    const projects = new Set<string>();
    const batch: Queued[] = [];
    const rest: Queued[] = [];
    for (const item of this.queue) {
      const project = item.write.projectId.toLowerCase();
      const fits = batch.length < this.limits.maxRows && shapeOf(item.write) === shape && !projects.has(project);
      if (fits) {
        projects.add(project);
        batch.push(item);
      } else {
        rest.push(item);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async run(batch: Queued[]): Promise<void> {
    try {
      const rows = await this.steps.upsertMany(batch.map((item) => item.write));
      batch.forEach((item, i) => item.resolve(rows[i] ?? null));
    } catch (error) {
      if (batch.length === 1 || !isStatementError(error)) {
        for (const item of batch) item.reject(error);
        return;
      }
      await Promise.all(
        batch.map((item) =>
          this.steps.upsertMany([item.write]).then(
            (rows) => item.resolve(rows[0] ?? null),
            (alone) => item.reject(alone),
          ),
        ),
      );
    }
  }
}
