import type { FactoryRules, ItemLogEntry, ProfileRule } from '../../../contracts/factory.ts';
import type { NewsArticle } from '../../../contracts/news.ts';
import type { Clock } from '../../adapters/clock.ts';
import type { AuthContext } from '../../http/router.ts';
import type { AnalysisService } from '../analysis/analysis.service.ts';
import { countWords } from '../analysis/text-units.ts';
import { detectLanguage } from '../sources/language.ts';
import type { FeedsService } from '../feeds/feeds.service.ts';
import type { NewsService } from '../news/news.service.ts';
import type { WritersService } from '../writers/writers.service.ts';
import { draftWriter } from './draft-writer.ts';
import type { Candidate, FactoryRepository, UsagePeriod } from './factory.repository.ts';
import type { FactorySettingsService } from './factory-settings.service.ts';
import { chooseFormat, hoursOld, keywordMatch, targetSeconds, type Why } from './item-choice.ts';
import { type Effective, effectiveRules } from './learning.ts';
import { draftCostMicros, type LlmPrices, REQUESTS_PER_DRAFT } from './spend.ts';
import { kindsOf } from './writing-profile.ts';

export interface FactoryRunDeps {
  repository: FactoryRepository;
  settings: FactorySettingsService;
  feeds: FeedsService;
  news: NewsService;
  analysis: AnalysisService;
  writers: WritersService;
  clock: Clock;
  prices: LlmPrices;
}

export interface RunSummary {
  runId: string;
  considered: number;
  filed: number;
  skipped: number;
  failed: number;
  stoppedBy: 'daily-limit' | 'budget' | null;
}

/** Stories looked at per run; a feed rarely brings more new ones between two runs. */
const CANDIDATES_PER_RUN = 200;
const ESTIMATED_ARTICLE_CHARS = 6000;

interface RunContext {
  ownerId: string;
  runId: string;
  rules: FactoryRules;
  profile: ProfileRule[];
  effective: Effective;
  period: UsagePeriod;
  signal?: AbortSignal;
}

/** A feed that carries this many words of a story carries the article itself: nothing to fetch. */
const FULL_TEXT_IN_FEED_WORDS = 250;

function feedArticle(candidate: Candidate): NewsArticle | null {
  const text = candidate.fullText ?? candidate.summary ?? '';
  const wordCount = countWords(text);
  if (wordCount < FULL_TEXT_IN_FEED_WORDS) return null;
  return {
    title: candidate.title,
    url: candidate.url,
    text,
    images: candidate.imageUrl ? [candidate.imageUrl] : [],
    language: detectLanguage(`${candidate.title}\n${text}`),
    wordCount,
    publishedAt: candidate.publishedAt?.toISOString() ?? null,
    itemId: candidate.id,
    byline: null,
    siteName: candidate.feedTitle,
    origin: 'article',
    fetchError: null,
  };
}

type Outcome = 'filed' | 'skipped' | 'failed';
/** What a story cost: its outcome and how many provider requests it may have made (of REQUESTS_PER_DRAFT). */
interface Processed {
  outcome: Outcome;
  requests: number;
}

/**
 * One factory run for one author: refresh the feeds, take up each new matching story once, and
 * file a checked draft for it, within today's allowance and the month's budget.
 */
export class FactoryRunService {
  constructor(private readonly deps: FactoryRunDeps) {}

  async run(ownerId: string, trigger: 'schedule' | 'manual', options: { signal?: AbortSignal; progress?: (fraction: number, step: string) => void } = {}): Promise<RunSummary> {
    const { repository, clock } = this.deps;
    const settings = await this.deps.settings.read(ownerId);
    const run = await repository.startRun(ownerId, trigger);
    const summary: RunSummary = { runId: run.id, considered: 0, filed: 0, skipped: 0, failed: 0, stoppedBy: null };
    try {
      options.progress?.(0.05, 'refreshing feeds');
      await this.refreshFeeds(ownerId, settings.rules.feedIds, options.signal);
      const now = clock.now();
      const context: RunContext = {
        ownerId,
        runId: run.id,
        rules: settings.rules,
        profile: settings.profile,
        effective: effectiveRules(settings.rules, settings.learned),
        period: { day: now.toISOString().slice(0, 10), month: now.toISOString().slice(0, 7) },
        signal: options.signal,
      };
      const since = new Date(now.getTime() - settings.rules.maxItemAgeHours * 3600_000);
      const candidates = (await repository.candidates(ownerId, settings.rules.feedIds, since, CANDIDATES_PER_RUN)).filter((c) => keywordMatch(c, context.rules, context.effective).ok);
      const kind = (await this.deps.writers.describe(ownerId)).kind;
      for (const [index, candidate] of candidates.entries()) {
        options.signal?.throwIfAborted();
        options.progress?.(0.1 + (0.9 * index) / candidates.length, `story ${index + 1} of ${candidates.length}`);
        const cost = draftCostMicros(kind, this.deps.prices, (candidate.fullText ?? '').length || ESTIMATED_ARTICLE_CHARS, context.rules.maxLengthSec);
        if (!(await repository.reserveDraft(ownerId, context.period, cost))) {
          summary.stoppedBy = await this.whyStopped(ownerId, cost, context.period);
          break;
        }
        const item = await repository.claimItem(ownerId, candidate.id, run.id, candidate.title);
        if (!item) {
          await repository.releaseDraft(ownerId, context.period, cost);
          continue;
        }
        summary.considered++;
        const { outcome, requests } = await this.process(context, candidate, item.id);
        summary[outcome]++;
        // A draft not filed gives its place back, and the share of its spend no request used.
        if (outcome !== 'filed') await repository.releaseDraft(ownerId, context.period, Math.floor((cost * (REQUESTS_PER_DRAFT - requests)) / REQUESTS_PER_DRAFT));
      }
      await repository.finishRun(run.id, { status: 'done', summary, error: null }, clock.now());
      return summary;
    } catch (error) {
      await repository.finishRun(run.id, { status: 'failed', summary, error: error instanceof Error ? error.message : String(error) }, clock.now());
      throw error;
    }
  }

  private async refreshFeeds(ownerId: string, feedIds: string[], signal?: AbortSignal): Promise<void> {
    if (feedIds.length === 0) {
      await this.deps.feeds.fetchAllOf(ownerId, signal);
      return;
    }
    // A feed that cannot be fetched now keeps the stories it had; its error is on the feed.
    for (const feedId of feedIds) await this.deps.feeds.fetchNow(feedId, ownerId, signal).catch(() => null);
  }

  private async whyStopped(ownerId: string, cost: number, period: UsagePeriod): Promise<'daily-limit' | 'budget'> {
    const row = await this.deps.repository.settings(ownerId);
    const rules = row?.rules as FactoryRules | undefined;
    const today = row?.usageDay === period.day ? row.draftsToday : 0;
    return rules && today >= rules.draftsPerDay ? 'daily-limit' : cost > 0 ? 'budget' : 'daily-limit';
  }

  /** One story: fetched, scored, written, checked (and retried once), filed; each step logged. */
  private async process(context: RunContext, candidate: Candidate, itemId: string): Promise<Processed> {
    const { repository, clock } = this.deps;
    const log: ItemLogEntry[] = [];
    const step = async (entry: Omit<ItemLogEntry, 'at'>, status?: Outcome, reason?: string) => {
      log.push({ at: clock.now().toISOString(), ...entry });
      await repository.updateItem(itemId, { log: [...log], ...(status ? { status, reason: reason ?? null } : {}) });
    };
    const user: AuthContext = { userId: context.ownerId, via: 'token' };
    try {
      const fromFeed = feedArticle(candidate);
      const article = fromFeed ?? (await this.deps.news.article(user, candidate.id));
      if (fromFeed) await step({ step: 'feed-text', vars: { words: fromFeed.wordCount } });
      else if (article.origin === 'article') await step({ step: 'fetched', vars: { words: article.wordCount } });
      else await step({ step: 'summary-only', vars: { reason: article.fetchError ?? '' } });
      if (context.rules.language !== 'any' && article.language !== context.rules.language) {
        await step({ step: 'wrong-language', vars: { language: article.language, wanted: context.rules.language } }, 'skipped', `language ${article.language}`);
        return { outcome: 'skipped', requests: 0 };
      }
      const analysis = await this.deps.analysis.analyse(context.ownerId, { text: article.text, title: article.title, language: article.language, publishedAt: article.publishedAt });
      await step({ step: 'scored', vars: { score: analysis.score } });
      if (analysis.score < context.effective.minScore) {
        await step({ step: 'below-score', vars: { score: analysis.score, minScore: context.effective.minScore } }, 'skipped', `score ${analysis.score} < ${context.effective.minScore}`);
        return { outcome: 'skipped', requests: 1 };
      }
      const { format, why: formatWhy } = chooseFormat(context.rules, context.effective, analysis.recommendedFormat);
      const kinds = kindsOf(context.profile);
      const factor = context.effective.lengthFactor * (kinds.includes('shorter') ? 0.85 : kinds.includes('longer') ? 1.15 : 1);
      const input = { text: article.text, title: article.title, language: article.language, format, targetSec: targetSeconds(context.rules, format, factor), sourceType: 'news' as const };
      const writer = await this.deps.writers.forUser(context.ownerId);
      const written = await draftWriter(writer, input, { profile: context.profile, toneNotes: context.rules.toneNotes, signal: context.signal, onStep: (entry) => step(entry) });
      const why: Why[] = [
        ...(() => {
          const matched = keywordMatch(candidate, context.rules, context.effective).matched;
          return matched.length ? [{ code: 'keywords' as const, vars: { words: matched.join(', ') } }] : [];
        })(),
        { code: 'score', vars: { score: analysis.score, minScore: context.effective.minScore } },
        ...(candidate.publishedAt ? [{ code: 'fresh' as const, vars: { hours: hoursOld(candidate.publishedAt, clock.now()) ?? 0 } }] : []),
        formatWhy,
      ];
      await repository.insertDraft({
        ownerId: context.ownerId,
        itemId,
        feedItemId: candidate.id,
        title: article.title,
        sourceUrl: article.url,
        sourceText: article.text,
        feedTitle: candidate.feedTitle,
        imageUrl: article.images[0] ?? null,
        score: analysis.score,
        analysis,
        format,
        language: article.language,
        why,
        checks: written.checks,
        script: written.script,
        versions: [{ number: 1, kind: 'written', scenes: written.scenes, notes: null, sceneIds: null, at: clock.now().toISOString() }],
      });
      await step({ step: 'filed' }, 'filed');
      return { outcome: 'filed', requests: REQUESTS_PER_DRAFT };
    } catch (error) {
      if (context.signal?.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      await step({ step: 'failed', vars: { reason: message.slice(0, 300) } }, 'failed', message.slice(0, 300));
      return { outcome: 'failed', requests: REQUESTS_PER_DRAFT };
    }
  }
}
