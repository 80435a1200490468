import { scoreBand, type NewsArticle, type NewsItem, type NewsPage, type NewsQuery } from '../../../contracts/news.ts';
import { languageSchema } from '../../../contracts/formats.ts';
import type { Clock } from '../../adapters/clock.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import { countWords } from '../analysis/text-units.ts';
import { detectLanguage } from '../sources/language.ts';
import type { SourcesService } from '../sources/sources.service.ts';
import type { NewsItemRow, NewsRepository } from './news.repository.ts';

export function toNewsItem(row: NewsItemRow): NewsItem {
  const language = languageSchema.safeParse(row.language);
  return {
    id: row.id,
    feedId: row.feedId,
    feedTitle: row.feedTitle,
    url: row.url,
    title: row.title,
    summary: row.summary,
    imageUrl: row.imageUrl,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    score: row.score,
    band: row.score === null ? null : scoreBand(row.score),
    language: language.success ? language.data : null,
    favourite: row.favourite,
    dismissed: row.dismissed,
    hasFullText: row.fullText !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

const notFound = () => new AppError('NOT_FOUND', 'News item not found');

/** The news list built from the user's feeds: filters, favourites, dismissals, full texts on demand. */
export class NewsService {
  constructor(
    private readonly news: NewsRepository,
    private readonly sources: SourcesService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthContext, query: NewsQuery): Promise<NewsPage> {
    const { rows, total } = await this.news.list(user.userId, query, this.clock.now());
    return { items: rows.map(toNewsItem), total };
  }

  async update(user: AuthContext, itemId: string, flags: { favourite?: boolean; dismissed?: boolean }): Promise<NewsItem> {
    if (!(await this.news.setFlags(user.userId, itemId, flags))) throw notFound();
    return toNewsItem((await this.news.findOwned(user.userId, itemId))!);
  }

  /**
   * The story's full article, fetched from its URL the first time and kept. When the page cannot
   * be read (paywall, timeout, refused address) the feed's summary stands in and fetchError says why.
   */
  async article(user: AuthContext, itemId: string): Promise<NewsArticle> {
    const item = await this.news.findOwned(user.userId, itemId);
    if (!item) throw notFound();
    const base = {
      itemId: item.id,
      title: item.title,
      url: item.url,
      images: item.imageUrl ? [item.imageUrl] : [],
      byline: null,
      publishedAt: item.publishedAt?.toISOString() ?? null,
      siteName: item.feedTitle,
    };
    if (item.fullText !== null) return { ...base, ...textFacts(item.fullText), origin: 'article', fetchError: null };
    let fetchError = 'the story has no link';
    if (item.url) {
      try {
        const article = await this.sources.import({ url: item.url });
        await this.news.saveFullText(item.id, article.text, this.clock.now());
        const images = [...new Set([article.leadImage, ...article.images, item.imageUrl].filter((u): u is string => Boolean(u)))];
        return {
          ...base,
          title: article.title || item.title,
          text: article.text,
          images,
          byline: article.byline,
          publishedAt: article.publishedAt ?? base.publishedAt,
          siteName: article.siteName ?? base.siteName,
          language: article.language,
          wordCount: article.wordCount,
          origin: 'article',
          fetchError: null,
        };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        fetchError = error.message;
      }
    }
    const text = [item.title, item.summary].filter(Boolean).join('\n\n');
    return { ...base, ...textFacts(text), origin: 'summary', fetchError };
  }
}

function textFacts(text: string) {
  return { text, language: detectLanguage(text), wordCount: countWords(text) };
}
