import type { Batch, BatchItem, BatchItemState, CreateBatchBody } from '../../../contracts/batch.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import { type JobContext, PermanentJobError } from '../jobs/job-handlers.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { LibraryService } from '../library/library.service.ts';
import type { MakeVideoService } from '../make/make-video.service.ts';
import type { ProjectSourceService } from '../sources/project-source.service.ts';
import type { BatchItemRow, BatchRepository, BatchRow } from './batch.repository.ts';

export interface BatchDeps {
  repository: BatchRepository;
  jobs: JobsService;
  projectSource: ProjectSourceService;
  library: LibraryService;
  makeVideo: MakeVideoService;
}

const notFound = () => new AppError('NOT_FOUND', 'Batch not found');

function itemState(row: BatchItemRow): Pick<BatchItem, 'state' | 'progress' | 'step' | 'error'> {
  if (row.state === 'failed') return { state: 'failed', progress: 0, step: null, error: row.error };
  if (row.state === 'pending') return { state: 'waiting', progress: 0, step: null, error: null };
  if (!row.job) return { state: 'done', progress: 1, step: null, error: null };
  if (row.job.state === 'succeeded') return { state: 'done', progress: 1, step: null, error: null };
  if (row.job.state === 'failed') return { state: 'failed', progress: row.job.progress, step: row.job.step, error: row.job.error ?? 'the video could not be made' };
  if (row.job.state === 'cancelled') return { state: 'failed', progress: row.job.progress, step: row.job.step, error: 'the video was stopped' };
  return { state: 'making', progress: row.job.progress, step: row.job.step, error: null };
}

function toBatch(batch: BatchRow, rows: BatchItemRow[]): Batch {
  const items = rows.map((row) => ({
    position: row.position,
    kind: row.kind,
    label: row.label,
    projectId: row.projectId,
    makeJobId: row.makeJobId,
    ...itemState(row),
  }));
  const count = (state: BatchItemState) => items.filter((i) => i.state === state).length;
  const counts = { waiting: count('waiting'), making: count('making'), done: count('done'), failed: count('failed') };
  return { id: batch.id, makeVideo: batch.makeVideo, finished: counts.waiting + counts.making === 0, counts, items, createdAt: batch.createdAt.toISOString() };
}

/** A message a user may read: our own errors as raised; anything else is not shown (it could carry an upstream's words). */
const failureText = (error: unknown) => (error instanceof AppError || error instanceof PermanentJobError ? error.message : 'unexpected error; see the server log');

/**
 * Batch production: a project (and optionally a video) from each of several news items or
 * library scripts, in one action. A batch.run job makes the projects one after another and
 * queues each video as its own video.make job; the batch's view reads every item's state.
 */
export class BatchService {
  constructor(private readonly deps: BatchDeps) {}

  async create(user: AuthContext, body: CreateBatchBody): Promise<Batch> {
    const newsIds = body.items.flatMap((i) => (i.kind === 'news' ? [i.newsItemId] : []));
    const entryIds = body.items.flatMap((i) => (i.kind === 'library' ? [i.entryId] : []));
    const labels = await this.deps.repository.labels(user.userId, newsIds, entryIds);
    const issues: Array<{ path: string; message: string }> = [];
    const items = body.items.map((input, index) => {
      if (input.kind === 'news') {
        const title = labels.news.get(input.newsItemId);
        if (!title) issues.push({ path: `items.${index}.newsItemId`, message: 'no such news item' });
        return { input, label: title ?? '' };
      }
      const entry = labels.library.get(input.entryId);
      if (!entry) issues.push({ path: `items.${index}.entryId`, message: 'no such library script' });
      else if (input.version !== undefined && !entry.versions.has(input.version)) issues.push({ path: `items.${index}.version`, message: `the script has no version ${input.version}` });
      return { input, label: entry ? (input.version ? `${entry.title} (v${input.version})` : entry.title) : '' };
    });
    if (issues.length) throw new AppError('NOT_FOUND', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
    const { items: _items, makeVideo, ...options } = body;
    const batchId = await this.deps.repository.create(user.userId, Boolean(makeVideo), options, items);
    const job = await this.deps.jobs.enqueue({ ownerId: user.userId, projectId: null, name: 'batch.run', payload: { batchId }, dedupeKey: `batch.run:${batchId}` });
    await this.deps.repository.setJob(batchId, job.id);
    return this.get(user, batchId);
  }

  async get(user: AuthContext, batchId: string): Promise<Batch> {
    const batch = await this.deps.repository.find(batchId, user.userId);
    if (!batch) throw notFound();
    return toBatch(batch, await this.deps.repository.items(batchId));
  }

  /** The batch.run job: each waiting item in order; a failure is recorded on its item and the next one goes on. */
  async runJob(ctx: JobContext<'batch.run'>): Promise<{ created: number; failed: number }> {
    const batch = await this.deps.repository.find(ctx.payload.batchId);
    if (!batch || batch.ownerId !== ctx.ownerId) throw new PermanentJobError('the batch does not exist');
    const user: AuthContext = { userId: batch.ownerId, via: 'token' };
    const items = await this.deps.repository.items(batch.id);
    let created = 0;
    let failed = 0;
    for (const [index, item] of items.entries()) {
      if (item.state !== 'pending') continue;
      if (ctx.signal.aborted) throw new PermanentJobError('cancelled', 'CANCELLED');
      ctx.progress(index / items.length, `item ${index + 1} of ${items.length}: ${item.label}`);
      let projectId: string | null = null;
      try {
        projectId = await this.makeProject(user, batch, item);
        const job = batch.makeVideo ? await this.deps.makeVideo.start(user, projectId, { ...(batch.options.aspect ? { aspect: batch.options.aspect } : {}), ...(batch.options.quality ? { quality: batch.options.quality } : {}) }) : null;
        await this.deps.repository.markCreated(batch.id, item.position, projectId, job?.id ?? null);
        created++;
      } catch (error) {
        await this.deps.repository.markFailed(batch.id, item.position, failureText(error), projectId);
        failed++;
      }
    }
    return { created, failed };
  }

  /** One item's project; its create key makes a retried job find the project it made before. */
  private async makeProject(user: AuthContext, batch: BatchRow, item: BatchItemRow): Promise<string> {
    const key = `batch:${batch.id}:${item.position}`;
    const { format, language, targetDurationSec } = batch.options;
    if (item.kind === 'news') {
      const project = await this.deps.projectSource.createFromNewsItem(user, item.ref, { format, language, targetDurationSec }, key);
      return project.id;
    }
    const { project } = await this.deps.library.produce(user, item.ref, { ...(item.refVersion ? { version: item.refVersion } : {}), ...(targetDurationSec ? { targetDurationSec } : {}) }, key);
    return project.id;
  }
}
