import type { MetricValues } from '../../../contracts/performance.ts';
import { MetricsProviderError } from '../../adapters/metrics/metrics-http.ts';
import { youtubeVideoId } from '../../adapters/metrics/youtube.ts';
import type { Clock } from '../../adapters/clock.ts';
import { AppError } from '../../http/errors.ts';
import { type MetricsPlatform, type MetricsProviders, PROVIDER_PLATFORMS } from './metrics-providers.ts';
import type { PerformanceRepository, PublicationRow } from './performance.repository.ts';

export interface RefreshDeps {
  repository: PerformanceRepository;
  providers: MetricsProviders;
  clock: Clock;
  refreshMinutes: number;
}

export interface RefreshSummary {
  refreshed: number;
  skipped: number;
  failed: number;
}

const MINUTE = 60_000;
/** After a failure the next try waits 15 min, doubling per failure in a row, at most a day. */
const backoffMs = (failures: number) => Math.min(24 * 60 * MINUTE, 15 * MINUTE * 2 ** Math.max(0, failures - 1));
/** Without credentials a publication is looked at again after this long (a key may be added). */
const NO_CREDENTIALS_WAIT_MS = 60 * MINUTE;

type Outcome = { kind: 'ok' } | { kind: 'skipped'; reason: string | null } | { kind: 'failed'; status: string; error: string; retryAfterSec?: number };

function failureOf(error: unknown): Outcome {
  if (error instanceof MetricsProviderError) {
    const status = { AUTH: 'auth-failed', RATE_LIMITED: 'rate-limited', NOT_FOUND: 'not-found', FAILED: 'failed' }[error.code];
    return { kind: 'failed', status, error: error.message, retryAfterSec: error.retryAfterSec };
  }
  if (error instanceof AppError && error.code === 'PROVIDER_NOT_CONFIGURED') return { kind: 'skipped', reason: error.message };
  throw error;
}

/**
 * Reads YouTube statistics and Instagram Reels insights for publications on those platforms and
 * stores each as a reading. Runs on a schedule (metrics.refresh) and on request; each publication
 * keeps its own backoff, so a rate limit or an expired token slows only what it concerns.
 */
export class MetricRefresher {
  constructor(private readonly deps: RefreshDeps) {}

  async refreshDue(limit = 200): Promise<RefreshSummary> {
    const now = this.deps.clock.now();
    const due = await this.deps.repository.dueForRefresh(PROVIDER_PLATFORMS, now, limit);
    const summary: RefreshSummary = { refreshed: 0, skipped: 0, failed: 0 };
    const groups = new Map<string, PublicationRow[]>();
    for (const row of due) groups.set(`${row.ownerId}:${row.platform}`, [...(groups.get(`${row.ownerId}:${row.platform}`) ?? []), row]);
    for (const rows of groups.values()) {
      const outcomes = await this.refreshGroup(rows);
      for (const outcome of outcomes) summary[outcome.kind === 'ok' ? 'refreshed' : outcome.kind]++;
    }
    return summary;
  }

  /** One publication now, whatever its backoff (the author asked). */
  async refreshOne(row: PublicationRow): Promise<void> {
    if (!PROVIDER_PLATFORMS.includes(row.platform as MetricsPlatform)) return;
    await this.refreshGroup([row]);
  }

  /** Publications of one owner on one platform; a rate limit stops the rest of the group for this run. */
  private async refreshGroup(rows: PublicationRow[]): Promise<Outcome[]> {
    const platform = rows[0]!.platform as MetricsPlatform;
    const outcomes: Outcome[] = [];
    let client;
    try {
      client = await this.deps.providers.forUser(rows[0]!.ownerId, platform);
    } catch (error) {
      client = failureOf(error);
    }
    if (!client || 'kind' in client) {
      const reason = client && 'reason' in client ? client.reason : null;
      for (const row of rows) outcomes.push(await this.record(row, { kind: 'skipped', reason }));
      return outcomes;
    }
    if ('statistics' in client) {
      const ids = new Map(rows.map((row) => [row.id, youtubeVideoId(row.url)]));
      let stats: Map<string, MetricValues> | Outcome;
      try {
        stats = await client.statistics([...new Set([...ids.values()].filter((id): id is string => id !== null))]);
      } catch (error) {
        stats = failureOf(error);
      }
      for (const row of rows) {
        const id = ids.get(row.id);
        if (!(stats instanceof Map)) outcomes.push(await this.record(row, stats));
        else if (!id || !stats.has(id)) outcomes.push(await this.record(row, { kind: 'failed', status: 'not-found', error: 'YouTube does not know this video: check the URL (a Shorts or watch link)' }));
        else outcomes.push(await this.record(row, { kind: 'ok' }, stats.get(id)!, id));
      }
      return outcomes;
    }
    let limited: Outcome | null = null;
    for (const row of rows) {
      if (limited) {
        outcomes.push(await this.record(row, limited));
        continue;
      }
      try {
        const mediaId = row.externalId ?? (await client.findMediaId(row.url));
        if (!mediaId) {
          outcomes.push(await this.record(row, { kind: 'failed', status: 'not-found', error: 'This Reel is not among the media of the Instagram account the token belongs to' }));
          continue;
        }
        const durationSec = await this.deps.repository.predictionsOf(row.ownerId, [row.projectId]).then((p) => p.get(row.projectId)?.durationSec ?? null);
        outcomes.push(await this.record(row, { kind: 'ok' }, await client.reelInsights(mediaId, durationSec), mediaId));
      } catch (error) {
        const outcome = failureOf(error);
        if (outcome.kind === 'failed' && (outcome.status === 'rate-limited' || outcome.status === 'auth-failed')) limited = outcome;
        outcomes.push(await this.record(row, outcome));
      }
    }
    return outcomes;
  }

  private async record(row: PublicationRow, outcome: Outcome, values?: MetricValues, externalId?: string): Promise<Outcome> {
    const now = this.deps.clock.now();
    const at = (ms: number) => new Date(now.getTime() + ms);
    if (outcome.kind === 'ok') {
      await this.deps.repository.addReadings(row.id, [{ readAt: now, source: row.platform, values: values! }]);
      await this.deps.repository.recordRefresh(row.id, { status: 'ok', error: null, at: now, refreshAfter: at(this.deps.refreshMinutes * MINUTE), failures: 0, externalId });
    } else if (outcome.kind === 'skipped') {
      await this.deps.repository.recordRefresh(row.id, { status: 'no-credentials', error: outcome.reason, at: now, refreshAfter: at(NO_CREDENTIALS_WAIT_MS), failures: row.refreshFailures });
    } else {
      const failures = row.refreshFailures + 1;
      const wait = Math.max(backoffMs(failures), (outcome.retryAfterSec ?? 0) * 1000);
      await this.deps.repository.recordRefresh(row.id, { status: outcome.status, error: outcome.error, at: now, refreshAfter: at(wait), failures });
    }
    return outcome;
  }
}
