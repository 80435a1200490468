import type { AddReadingBody, Advice, Dashboard, MetricValues, ProjectPerformance, Publication, PublicationBody } from '../../../contracts/performance.ts';
import type { Clock } from '../../adapters/clock.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { viaWriter } from '../writers/writer-errors.ts';
import type { WritersService } from '../writers/writers.service.ts';
import { adviceInProse } from './advice-prose.ts';
import { adviseFrom } from './advice.ts';
import { actualsOf, type VideoFact } from './baseline.ts';
import type { MetricRefresher } from './metric-refresh.ts';
import { CsvImportError, parseMetricsCsv } from './metrics-csv.ts';
import type { PerformanceRepository, PublicationRow, ReadingRow } from './performance.repository.ts';
import { buildPrediction, type RenderFacts } from './prediction.ts';

export interface PerformanceDeps {
  repository: PerformanceRepository;
  projects: ProjectsRepository;
  steps: StepsService;
  writers: WritersService;
  refresher: MetricRefresher;
  clock: Clock;
}

const readingOut = (row: ReadingRow) => ({ id: row.id, publicationId: row.publicationId, readAt: row.readAt.toISOString(), source: row.source, ...(row.values as MetricValues) }) as Publication['readings'][number];

function publicationOut(row: PublicationRow, readings: ReadingRow[]): Publication {
  return {
    id: row.id,
    projectId: row.projectId,
    platform: row.platform as Publication['platform'],
    url: row.url,
    publishedAt: row.publishedAt.toISOString().slice(0, 10),
    refreshStatus: row.refreshStatus as Publication['refreshStatus'],
    refreshError: row.refreshError,
    refreshedAt: row.refreshedAt?.toISOString() ?? null,
    readings: readings.filter((r) => r.publicationId === row.id).map(readingOut),
  };
}

/** Stage 8: publications, their metric readings, the prediction made at render, and advice. */
export class PerformanceService {
  constructor(private readonly deps: PerformanceDeps) {}

  private async ownedProject(user: AuthContext, projectId: string) {
    const project = await this.deps.projects.findOwned(user.userId, projectId);
    if (!project) throw notFound();
    return project;
  }

  private async ownedPublication(user: AuthContext, id: string): Promise<PublicationRow> {
    const row = await this.deps.repository.findPublication(user.userId, id);
    if (!row) throw notFound('Publication');
    return row;
  }

  async addPublication(user: AuthContext, projectId: string, body: PublicationBody): Promise<Publication> {
    await this.ownedProject(user, projectId);
    const row = await this.deps.repository.insertPublication({ ownerId: user.userId, projectId, platform: body.platform, url: body.url, publishedAt: new Date(`${body.publishedAt}T00:00:00Z`) });
    if (!row) throw new AppError('CONFLICT', 'This video already has a publication with this platform and URL', { reason: 'PUBLICATION_EXISTS', issues: [{ path: 'url', message: 'already recorded' }] });
    return publicationOut(row, []);
  }

  async removePublication(user: AuthContext, id: string): Promise<void> {
    if (!(await this.deps.repository.removePublication(user.userId, id))) throw notFound('Publication');
  }

  async addReading(user: AuthContext, publicationId: string, body: AddReadingBody): Promise<Publication> {
    const row = await this.ownedPublication(user, publicationId);
    const { readAt, ...values } = body;
    await this.deps.repository.addReadings(row.id, [{ readAt: readAt ? new Date(readAt) : this.deps.clock.now(), source: 'manual', values }]);
    return this.publication(row);
  }

  /** Every line stored, or (a bad line) none, with a 400 naming the line. */
  async importCsv(user: AuthContext, publicationId: string, csv: string): Promise<{ imported: number; publication: Publication }> {
    const row = await this.ownedPublication(user, publicationId);
    let readings;
    try {
      readings = parseMetricsCsv(csv);
    } catch (error) {
      if (!(error instanceof CsvImportError)) throw error;
      throw new AppError('VALIDATION_FAILED', `The CSV was not imported (nothing was stored): ${error.message}`, { reason: 'CSV_INVALID', line: error.line, issues: [{ path: 'csv', message: error.message }] });
    }
    const imported = await this.deps.repository.addReadings(row.id, readings.map((r) => ({ ...r, source: 'csv' })));
    return { imported, publication: await this.publication(row) };
  }

  async removeReading(user: AuthContext, publicationId: string, readingId: string): Promise<void> {
    if (!(await this.deps.repository.removeReading(user.userId, publicationId, readingId))) throw notFound('Reading');
  }

  async refreshNow(user: AuthContext, publicationId: string): Promise<Publication> {
    const row = await this.ownedPublication(user, publicationId);
    await this.deps.refresher.refreshOne(row);
    return this.publication((await this.deps.repository.findPublication(user.userId, row.id))!);
  }

  private async publication(row: PublicationRow): Promise<Publication> {
    return publicationOut(row, await this.deps.repository.readingsOf([row.id]));
  }

  /** Called when a render completes: what the video was made of, for predicted against actual. */
  async recordPrediction(ownerId: string, projectId: string, facts: RenderFacts): Promise<void> {
    const user: AuthContext = { userId: ownerId, via: 'token' };
    const project = await this.deps.projects.findOwned(ownerId, projectId);
    if (!project) return;
    const steps = await this.deps.steps.list(user, projectId);
    await this.deps.repository.savePrediction(ownerId, projectId, buildPrediction(steps, facts, project.title), this.deps.clock.now());
  }

  /** Every publication of the author with its latest numbers and its video's prediction. */
  private async history(user: AuthContext) {
    const rows = await this.deps.repository.listPublications(user.userId);
    const readings = await this.deps.repository.readingsOf(rows.map((r) => r.id));
    const predictions = await this.deps.repository.predictionsOf(user.userId);
    const facts: VideoFact[] = rows.map((row) => {
      const own = readings.filter((r) => r.publicationId === row.id);
      return {
        publicationId: row.id,
        projectId: row.projectId,
        title: row.title,
        platform: row.platform as VideoFact['platform'],
        publishedAt: row.publishedAt.toISOString().slice(0, 10),
        latest: own.length ? (own.at(-1)!.values as MetricValues) : null,
        prediction: predictions.get(row.projectId) ?? null,
      };
    });
    return { rows, readings, predictions, facts, actuals: actualsOf(facts) };
  }

  async forProject(user: AuthContext, projectId: string): Promise<ProjectPerformance> {
    await this.ownedProject(user, projectId);
    const { rows, readings, predictions, facts, actuals } = await this.history(user);
    const mine = new Set(rows.filter((r) => r.projectId === projectId).map((r) => r.id));
    return {
      prediction: predictions.get(projectId) ?? null,
      publications: rows.filter((r) => mine.has(r.id)).map((r) => publicationOut(r, readings)),
      actuals: actuals.filter((a) => mine.has(a.publicationId)),
      advice: { ...adviseFrom(facts, actuals), prose: null },
    };
  }

  async dashboard(user: AuthContext): Promise<Dashboard> {
    const { facts, actuals } = await this.history(user);
    const byId = new Map(facts.map((f) => [f.publicationId, f]));
    const videos = actuals.map((a) => {
      const fact = byId.get(a.publicationId)!;
      return { projectId: fact.projectId, title: fact.title, platform: a.platform, publishedAt: fact.publishedAt, score: fact.prediction?.score ?? null, value: a.value, ratio: a.ratio };
    });
    return { videos: videos.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt)), advice: { ...adviseFrom(facts, actuals), prose: null } };
  }

  /** The advice in prose by the author's LLM; 409 when only the offline writer is configured. */
  async summary(user: AuthContext, language: 'en' | 'ru'): Promise<Advice> {
    const transport = await this.deps.writers.chatFor(user.userId);
    if (!transport) throw new AppError('PROVIDER_NOT_CONFIGURED', 'A prose summary needs an LLM: enable one on the Providers page (the advice above needs none)');
    const { facts, actuals } = await this.history(user);
    const advice = adviseFrom(facts, actuals);
    return { ...advice, prose: await viaWriter(() => adviceInProse(transport, advice, language)) };
  }
}
